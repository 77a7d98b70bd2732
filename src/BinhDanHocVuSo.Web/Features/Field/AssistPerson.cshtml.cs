namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// <c>/assist/{id}</c>: one citizen of the member's teams: how the team knows them, their progress in each course they
/// started, and every result earned with a member's help, with whom and when. A person of another team is not found.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AssistPersonModel(AppDbContext db, FieldAccess access, IGrainFactory grains, ICourseCatalogSource catalog,
    IStringLocalizer<AssistText> text) : PageModel
{
    public AssistedPerson Person { get; private set; } = null!;
    public string RegisteredByName { get; private set; } = "";
    public IReadOnlyList<(Course Course, CourseProgress Progress)> Courses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var teams = (await access.ReachAsync(HttpContext, cancellationToken)).Teams;
        if (teams.Count == 0)
        {
            return Forbid();
        }
        var row = await db.AssistedPeople().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == id && teams.Contains(p.TeamId), cancellationToken);
        if (row is null)
        {
            return NotFound();
        }
        var current = catalog.Current;
        Person = (await AssistedPerson.DescribeAsync(db, current, text, [row], int.MaxValue, cancellationToken))[0];
        RegisteredByName = await db.Users.Where(u => u.Id == row.RegisteredBy).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken) ?? "";
        var overview = await grains.GetGrain<ILearnerGrain>(id).GetOverview();
        Courses = [.. overview.Courses.Where(c => c.Started)
            .Select(c => (Course: current.Find(c.CourseSlug), Progress: c))
            .Where(c => c.Course is not null)
            .Select(c => (c.Course!, c.Progress))];
        return Page();
    }
}
