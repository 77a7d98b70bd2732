namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>
/// The communes a trainer works in: their own commune (the one on their account) and those an administrator assigned
/// them at <c>/admin/users</c>. A trainer creates groups, invites learners and sees the survey report only there; an
/// administrator works on the whole province.
/// </summary>
public static class CommuneScope
{
    public const string AuditAssigned = "trainer-commune-assigned";
    public const string AuditUnassigned = "trainer-commune-unassigned";

    /// <summary>The caller's communes, in ordinal order; null for an administrator (every commune).</summary>
    public static async Task<IReadOnlyList<string>?> OfCallerAsync(this AppDbContext db, HttpContext http, CancellationToken cancellationToken = default) =>
        http.User.IsInRole(Roles.Admin) ? null : await db.AssignedCommunesAsync(LearnerIdentity.SignedIn(http) ?? Guid.Empty, cancellationToken);

    /// <summary>A trainer's own commune and the communes assigned to them, in ordinal order.</summary>
    public static async Task<IReadOnlyList<string>> AssignedCommunesAsync(this AppDbContext db, Guid trainer, CancellationToken cancellationToken = default)
    {
        var own = await db.Users.Where(u => u.Id == trainer).Select(u => u.Commune).ToListAsync(cancellationToken);
        var assigned = await db.TrainerCommunes.Where(t => t.TrainerId == trainer).Select(t => t.Commune).ToListAsync(cancellationToken);
        return [.. own.Concat(assigned).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Whether the scope (null: the whole province) holds the commune.</summary>
    public static bool Covers(this IReadOnlyList<string>? scope, string commune) => scope is null || scope.Contains(commune);
}
