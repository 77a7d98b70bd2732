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

    public async Task<IActionResult> OnGetAsync()
    {
        await FindAsync();
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
            await db.SaveChangesAsync();
        }
        return Redirect($"/join/{Group.JoinCode}");
    }

    Guid Me => LearnerIdentity.SignedIn(HttpContext)!.Value;

    async Task FindAsync()
    {
        var code = Code?.Trim().ToUpperInvariant();
        Group = code is null ? null : await db.Groups.FirstOrDefaultAsync(g => g.JoinCode == code && g.ArchivedAt == null);
        IsMember = Group is not null && await db.GroupMembers.AnyAsync(m => m.GroupId == Group.Id && m.LearnerId == Me);
    }
}
