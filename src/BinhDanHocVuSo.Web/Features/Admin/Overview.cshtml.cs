namespace BinhDanHocVuSo.Web.Features.Admin;

/// <summary>
/// Completion across the province for administrators: by commune (accounts who completed at least one course,
/// the figure the movement reports) and by group (members who completed at least one assigned course).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class OverviewModel(AppDbContext db, CommuneDirectory communes) : PageModel
{
    public int Accounts { get; private set; }
    public int CompletedAny { get; private set; }
    public IReadOnlyList<CommuneLine> Communes { get; private set; } = [];
    public IReadOnlyList<GroupCompletion> Groups { get; private set; } = [];

    public sealed record CommuneLine(string Name, int Accounts, int Completed);

    public sealed record GroupCompletion(Guid Id, string Name, int Members, int Completed);

    public async Task OnGetAsync()
    {
        var completers = db.CourseEnrolments.Where(e => e.CompletedAt != null).Select(e => e.LearnerId);
        var byCommune = await db.Users.GroupBy(u => u.Commune)
            .Select(g => new { Commune = g.Key, Accounts = g.Count(), Completed = g.Count(u => completers.Contains(u.Id)) })
            .ToListAsync();
        Communes = [.. byCommune.Select(c => new CommuneLine(communes.NameOf(c.Commune), c.Accounts, c.Completed)).OrderByName(c => c.Name)];
        Accounts = byCommune.Sum(c => c.Accounts);
        CompletedAny = byCommune.Sum(c => c.Completed);
        Groups = [.. (await db.Groups.Where(g => g.ArchivedAt == null)
            .Select(g => new GroupCompletion(g.Id, g.Name,
                db.GroupMembers.Count(m => m.GroupId == g.Id),
                db.GroupMembers.Count(m => m.GroupId == g.Id && db.CourseEnrolments.Any(e => e.LearnerId == m.LearnerId && e.CompletedAt != null
                    && db.Assignments.Any(a => a.GroupId == g.Id && a.CourseSlug == e.CourseSlug)))))
            .ToListAsync()).OrderByName(g => g.Name)];
    }
}
