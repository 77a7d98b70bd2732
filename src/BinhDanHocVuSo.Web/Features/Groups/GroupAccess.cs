namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>Ownership of groups: a trainer sees and changes only the groups they (co-)run in their communes; an admin sees all.</summary>
public static class GroupAccess
{
    public static IQueryable<GroupRow> Visible(this AppDbContext db, HttpContext http)
    {
        if (http.User.IsInRole(Roles.Admin))
        {
            return db.Groups;
        }
        var me = LearnerIdentity.SignedIn(http) ?? Guid.Empty;
        // Only in the trainer's communes (see CommuneScope): a commune taken back takes its groups with it.
        return db.Groups.Where(g => db.GroupTrainers.Any(t => t.GroupId == g.Id && t.TrainerId == me)
            && (db.Users.Any(u => u.Id == me && u.Commune == g.Commune) || db.TrainerCommunes.Any(c => c.TrainerId == me && c.Commune == g.Commune)));
    }

    /// <summary>The group if the caller may see it; null otherwise, which pages answer with 404 so ids reveal nothing.</summary>
    public static Task<GroupRow?> FindVisibleAsync(this AppDbContext db, HttpContext http, Guid groupId) =>
        db.Visible(http).FirstOrDefaultAsync(g => g.Id == groupId);
}
