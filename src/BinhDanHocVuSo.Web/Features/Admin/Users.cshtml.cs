using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BinhDanHocVuSo.Web.Features.Admin;

/// <summary>Admins find accounts and grant or revoke roles; every change goes to the audit log.</summary>
public sealed class UsersModel(UserManager<AppUser> users, AppDbContext db, AuditLog audit, CommuneDirectory communes) : PageModel
{
    const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    public IReadOnlyList<UserLine> Users { get; private set; } = [];

    public sealed record UserLine(Guid Id, string FullName, string Phone, string Commune, IReadOnlyList<string> Roles);

    public async Task OnGetAsync()
    {
        var query = db.Users.AsNoTracking();
        if (PhoneNumber.Normalize(Query) is { } phone)
        {
            query = query.Where(u => u.UserName == phone);
        }
        var page = await query.OrderBy(u => u.FullName).Take(PageSize).ToListAsync();
        var ids = page.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(r => ids.Contains(r.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync();
        Users = [.. page.Select(u => new UserLine(u.Id, u.FullName, u.UserName!, communes.NameOf(u.Commune),
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!)]))];
    }

    public Task<IActionResult> OnPostGrantAsync(Guid userId, string role) => Change(userId, role, grant: true);

    public Task<IActionResult> OnPostRevokeAsync(Guid userId, string role) => Change(userId, role, grant: false);

    async Task<IActionResult> Change(Guid userId, string role, bool grant)
    {
        if (!Roles.All.Contains(role) || await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return NotFound();
        }
        var result = grant ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
        if (result.Succeeded)
        {
            audit.Record(Learning.LearnerIdentity.SignedIn(HttpContext), grant ? AuditLog.RoleGranted : AuditLog.RoleRevoked, user.Id, role);
            await db.SaveChangesAsync();
        }
        return RedirectToPage(new { q = Query });
    }
}
