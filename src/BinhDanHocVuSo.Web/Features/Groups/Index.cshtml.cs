using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Learning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>The groups a trainer runs (an admin: all groups), and creating a new one in a commune assigned to the trainer.</summary>
[Authorize(Policy = Policies.Trainer)]
public sealed class IndexModel(AppDbContext db, CommuneDirectory communes, TimeProvider clock, IStringLocalizer<GroupText> text) : PageModel
{
    public CommuneDirectory Communes => communes;
    public IReadOnlyList<GroupLine> Groups { get; private set; } = [];
    public string? MyCommune => User.FindFirst(AppClaimsFactory.Commune)?.Value;
    public string? Error { get; private set; }

    /// <summary>The provinces with the communes the caller may create a group in.</summary>
    public IReadOnlyList<Province> Choices { get; private set; } = [];

    public sealed record GroupLine(Guid Id, string Name, string Commune, int Members, bool Archived);

    public async Task OnGetAsync()
    {
        Groups = await db.Visible(HttpContext)
            .OrderBy(g => g.ArchivedAt != null).ThenBy(g => g.Name)
            .Select(g => new GroupLine(g.Id, g.Name, g.Commune, db.GroupMembers.Count(m => m.GroupId == g.Id), g.ArchivedAt != null))
            .ToListAsync();
        var scope = await db.OfCallerAsync(HttpContext);
        Choices = [.. communes.Provinces
            .Select(p => p with { Communes = [.. p.Communes.Where(c => scope.Covers(c.Id))] })
            .Where(p => p.Communes.Count > 0)];
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? commune)
    {
        var problem = GroupName.Clean(name, out var cleanName) switch
        {
            GroupName.Problem.Missing => text["GroupNameRequired"],
            GroupName.Problem.ControlCharacter => text["GroupNameControlCharacter"],
            GroupName.Problem.TooLong => text["GroupNameTooLong", Limits.Title],
            _ => communes.Find(commune) is null ? text["CommuneRequired"]
                : !(await db.OfCallerAsync(HttpContext)).Covers(commune!) ? text["CommuneNotAssigned"]
                : null,
        };
        if (problem is not null)
        {
            Error = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await OnGetAsync();
            return Page();
        }
        var me = LearnerIdentity.SignedIn(HttpContext)!.Value;
        var group = new GroupRow
        {
            Id = Guid.NewGuid(), Name = cleanName, Commune = commune!, JoinCode = JoinCodes.New(), CreatedBy = me,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Groups.Add(group);
        db.GroupTrainers.Add(new GroupTrainerRow { GroupId = group.Id, TrainerId = me });
        await db.SaveChangesAsync();
        return Redirect($"/groups/{group.Id}");
    }
}
