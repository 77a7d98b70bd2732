using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Learning;
using Microsoft.EntityFrameworkCore;

namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>Ownership of groups: a trainer sees and changes only the groups they (co-)run; an admin sees all.</summary>
public static class GroupAccess
{
    public static IQueryable<GroupRow> Visible(this AppDbContext db, HttpContext http)
    {
        if (http.User.IsInRole(Roles.Admin))
        {
            return db.Groups;
        }
        var me = LearnerIdentity.SignedIn(http) ?? Guid.Empty;
        return db.Groups.Where(g => db.GroupTrainers.Any(t => t.GroupId == g.Id && t.TrainerId == me));
    }

    /// <summary>The group if the caller may see it; null otherwise, which pages answer with 404 so ids reveal nothing.</summary>
    public static Task<GroupRow?> FindVisibleAsync(this AppDbContext db, HttpContext http, Guid groupId) =>
        db.Visible(http).FirstOrDefaultAsync(g => g.Id == groupId);
}
