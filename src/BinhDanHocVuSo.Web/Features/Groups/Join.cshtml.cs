using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Learning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>A person joins a group with the code (or QR link <c>/join/{code}</c>) the trainer shows or prints.</summary>
[Authorize(Policy = Policies.SignedIn)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(BinhDanHocVuSo.Web.Hosting.AccountsExtensions.JoinLimit)]
public sealed class JoinModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public GroupRow? Group { get; private set; }
    public bool IsMember { get; private set; }

    /// <summary>Groups whose trainer invited the signed-in person by phone number; they join only by accepting.</summary>
    public IReadOnlyList<GroupRow> Invitations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await FindAsync();
        Invitations = await db.Groups
            .Where(g => g.ArchivedAt == null && db.GroupInvitations.Any(i => i.GroupId == g.Id && i.LearnerId == Me))
            .OrderBy(g => g.Name).ToListAsync();
        if (Group is null && Code is not null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await FindAsync();
        if (Group is null)
        {
            return NotFound();
        }
        if (!IsMember)
        {
            db.GroupMembers.Add(new GroupMemberRow { GroupId = Group.Id, LearnerId = Me, JoinedAt = clock.GetUtcNow().UtcDateTime });
        }
        await db.GroupInvitations.Where(i => i.GroupId == Group.Id && i.LearnerId == Me).ExecuteDeleteAsync();
        await db.SaveChangesAsync();
        return Redirect($"/join/{Group.JoinCode}");
    }

    /// <summary>Accepts an invitation: the person becomes a member of the group that invited them.</summary>
    public async Task<IActionResult> OnPostAcceptAsync(Guid group)
    {
        if (await InvitedToAsync(group) is not { } invited)
        {
            return NotFound();
        }
        if (!await db.GroupMembers.AnyAsync(m => m.GroupId == invited.Id && m.LearnerId == Me))
        {
            db.GroupMembers.Add(new GroupMemberRow { GroupId = invited.Id, LearnerId = Me, JoinedAt = clock.GetUtcNow().UtcDateTime });
        }
        await db.GroupInvitations.Where(i => i.GroupId == invited.Id && i.LearnerId == Me).ExecuteDeleteAsync();
        await db.SaveChangesAsync();
        return Redirect($"/join/{invited.JoinCode}");
    }

    /// <summary>Declines an invitation: it goes away and nothing else changes.</summary>
    public async Task<IActionResult> OnPostDeclineAsync(Guid group)
    {
        await db.GroupInvitations.Where(i => i.GroupId == group && i.LearnerId == Me).ExecuteDeleteAsync();
        return Redirect("/join");
    }

    Task<GroupRow?> InvitedToAsync(Guid group) => db.Groups.FirstOrDefaultAsync(g =>
        g.Id == group && g.ArchivedAt == null && db.GroupInvitations.Any(i => i.GroupId == g.Id && i.LearnerId == Me));

    Guid Me => LearnerIdentity.SignedIn(HttpContext)!.Value;

    async Task FindAsync()
    {
        var code = Code?.Trim().ToUpperInvariant();
        Group = code is null ? null : await db.Groups.FirstOrDefaultAsync(g => g.JoinCode == code && g.ArchivedAt == null);
        IsMember = Group is not null && await db.GroupMembers.AnyAsync(m => m.GroupId == Group.Id && m.LearnerId == Me);
    }
}
