namespace BinhDanHocVuSo.Web.Features.Admin;

/// <summary>
/// Admins find accounts, grant or revoke roles and assign trainers the communes they work in; every change goes to the
/// audit log. A role change renews the account's security stamp, so its existing sessions end at their next validation.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(UserManager<AppUser> users, AppDbContext db, AuditLog audit, CommuneDirectory communes,
    TimeProvider clock, IStringLocalizer<GroupText> text) : PageModel
{
    const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    public IReadOnlyList<UserLine> Users { get; private set; } = [];
    public CommuneDirectory Communes => communes;
    public string? Error { get; private set; }

    /// <param name="OwnCommune">The commune on the account; for a trainer it counts as assigned.</param>
    /// <param name="AssignedCommunes">Communes an administrator assigned (trainers only).</param>
    public sealed record UserLine(Guid Id, string FullName, string Phone, string Commune, string OwnCommune, IReadOnlyList<string> Roles,
        IReadOnlyList<string> AssignedCommunes);

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
        var assigned = await db.TrainerCommunes.Where(t => ids.Contains(t.TrainerId)).ToListAsync();
        // The database picks the page (its own collation); the page shows in Vietnamese order.
        Users = [.. page.OrderByName(u => u.FullName).Select(u => new UserLine(u.Id, u.FullName, u.UserName!, communes.NameOf(u.Commune), u.Commune,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!)],
            [.. assigned.Where(a => a.TrainerId == u.Id).Select(a => a.Commune).Order(StringComparer.Ordinal)]))];
    }

    public Task<IActionResult> OnPostGrantAsync(Guid userId, string? role) => Change(userId, role, grant: true);

    public Task<IActionResult> OnPostRevokeAsync(Guid userId, string? role) => Change(userId, role, grant: false);

    /// <summary>Assigns a trainer one more commune: they may create groups there and see its survey report.</summary>
    public async Task<IActionResult> OnPostAssignCommuneAsync(Guid userId, string? commune)
    {
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return NotFound();
        }
        if (communes.Find(commune) is null)
        {
            return await Refuse(text["CommuneRequired"]);
        }
        if (!await users.IsInRoleAsync(user, Roles.Trainer))
        {
            return await Refuse(text["AssignOnlyTrainers"]);
        }
        if (commune != user.Commune && !await db.TrainerCommunes.AnyAsync(t => t.TrainerId == user.Id && t.Commune == commune))
        {
            db.TrainerCommunes.Add(new TrainerCommuneRow
            {
                TrainerId = user.Id, Commune = commune!, AssignedAt = clock.GetUtcNow().UtcDateTime, AssignedBy = Me,
            });
            audit.Record(Me, CommuneScope.AuditAssigned, user.Id, commune!);
            await db.SaveChangesAsync();
        }
        return RedirectToPage(new { q = Query });
    }

    /// <summary>Takes an assigned commune back; the trainer's own commune stays (revoke the Trainer role to end it).</summary>
    public async Task<IActionResult> OnPostUnassignCommuneAsync(Guid userId, string? commune)
    {
        var removed = await db.TrainerCommunes.Where(t => t.TrainerId == userId && t.Commune == commune).ToListAsync();
        if (removed.Count > 0)
        {
            db.TrainerCommunes.RemoveRange(removed);
            audit.Record(Me, CommuneScope.AuditUnassigned, userId, commune!);
            await db.SaveChangesAsync();
        }
        return RedirectToPage(new { q = Query });
    }

    async Task<IActionResult> Change(Guid userId, string? role, bool grant)
    {
        if (role is null || !Roles.All.Contains(role) || await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return NotFound();
        }
        if (!grant && role == Roles.Admin && await users.IsInRoleAsync(user, Roles.Admin)
            && (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
        {
            return await Refuse(text["LastAdmin"]);
        }
        var result = grant ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
        if (result.Succeeded)
        {
            // Every session of the account ends at its next validation, so a revoked role stops working.
            await users.UpdateSecurityStampAsync(user);
            audit.Record(Me, grant ? AuditLog.RoleGranted : AuditLog.RoleRevoked, user.Id, role);
            await db.SaveChangesAsync();
        }
        return RedirectToPage(new { q = Query });
    }

    async Task<IActionResult> Refuse(string problem)
    {
        Error = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await OnGetAsync();
        return Page();
    }

    Guid? Me => Learning.LearnerIdentity.SignedIn(HttpContext);
}
