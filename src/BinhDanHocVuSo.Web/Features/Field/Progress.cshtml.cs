namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// <c>/progress</c>: progress against the targets, down the hierarchy. An administrator starts at the province (one line
/// per commune) and sets province targets; a commune's leader starts at their commune (one line per village, its teams)
/// and sets the commune's targets; a team member sees their teams, and a team's page its villages only.
/// <c>?commune=</c> opens a commune, <c>?team=</c> a team. Figures follow <see cref="Disclosure"/>.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ProgressModel(AppDbContext db, FieldAccess access, FieldProgress progress, CommuneDirectory communes,
    ICourseCatalogSource catalog, VietnamClock clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public FieldReach Reach { get; private set; } = FieldReach.None;
    public Commune? Commune { get; private set; }
    public TeamRow? Team { get; private set; }
    public IReadOnlyList<TargetProgress> Targets { get; private set; } = [];
    public IReadOnlyList<TeamRow> Teams { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Title)> Courses { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>Where a new target goes: the open commune, or the province (null) at the top.</summary>
    public bool CanSetTargets => Team is null && (Commune is null ? Reach.Province : Reach.Manages(Commune.Id));

    public string CourseTitle(string? slug) => Courses.FirstOrDefault(c => c.Slug == slug).Title ?? slug ?? "";

    public async Task<IActionResult> OnGetAsync(string? commune, Guid? team, CancellationToken cancellationToken)
    {
        Reach = await access.ReachAsync(HttpContext, cancellationToken);
        if (!Reach.Any)
        {
            return Forbid();
        }
        if (team is { } teamId)
        {
            Team = await db.Teams().AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken);
            if (Team is null || !Reach.ReadsTeam(Team))
            {
                return NotFound();
            }
            Commune = communes.Find(Team.Commune);
            Targets = await ForEachAsync(Team.Commune, t => progress.TeamAsync(t, Team, cancellationToken), cancellationToken);
            return Page();
        }
        commune ??= Reach.LedCommune;
        if (commune is not null)
        {
            Commune = communes.Find(commune);
            if (Commune is null || !Reach.ReadsCommune(Commune.Id))
            {
                return NotFound();
            }
            Targets = await ForEachAsync(Commune.Id, t => progress.CommuneAsync(t, Commune.Id, cancellationToken), cancellationToken);
            Teams = await db.Teams().AsNoTracking().Where(t => t.Commune == Commune.Id).OrderBy(t => t.Name).ToListAsync(cancellationToken);
            return Page();
        }
        if (Reach.Province)
        {
            Targets = await ForEachAsync(null, t => progress.ProvinceAsync(t, cancellationToken), cancellationToken);
        }
        Teams = await db.Teams().AsNoTracking().Where(t => Reach.Teams.Contains(t.Id)).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>Adds a target: the province's (administrator) or the commune's (its leader or an administrator).</summary>
    public async Task<IActionResult> OnPostTargetAsync(string? commune, string? kind, string? course, int? percent, DateOnly? due, CancellationToken cancellationToken)
    {
        Reach = await access.ReachAsync(HttpContext, cancellationToken);
        var place = commune is null or "" ? null : communes.Find(commune);
        if (place is null ? !Reach.Province : !Reach.Manages(place.Id))
        {
            return Forbid();
        }
        var today = clock.Today;
        string? problem =
            kind is not (FieldProgress.CourseKind or FieldProgress.SurveyKind) ? text.Field("TargetBadKind").Value
            : kind == FieldProgress.CourseKind && catalog.Current.Courses.All(c => c.Slug != course) ? text.Field("TargetBadCourse").Value
            : percent is not (>= 1 and <= 100) ? text.Field("TargetBadPercent").Value
            : due is not { } day || day <= today ? text.Field("TargetBadDue").Value
            : null;
        if (problem is not null)
        {
            return BadRequestPage(problem);
        }
        db.Targets().Add(new TargetRow
        {
            Id = Guid.NewGuid(), Commune = place?.Id, Kind = kind!, CourseSlug = kind == FieldProgress.CourseKind ? course : null,
            Percent = percent!.Value, StartsOn = today, DueOn = due!.Value, CreatedAt = clock.UtcNow, CreatedBy = LearnerIdentity.SignedIn(HttpContext)!.Value,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(place is null ? "/progress" : $"/progress?commune={Uri.EscapeDataString(place.Id)}");
    }

    /// <summary>Removes a target, by whoever may set it.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        Reach = await access.ReachAsync(HttpContext, cancellationToken);
        var target = await db.Targets().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }
        if (target.Commune is null ? !Reach.Province : !Reach.Manages(target.Commune))
        {
            return Forbid();
        }
        db.Targets().Remove(target);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(target.Commune is null ? "/progress" : $"/progress?commune={Uri.EscapeDataString(target.Commune)}");
    }

    async Task<IReadOnlyList<TargetProgress>> ForEachAsync(string? commune, Func<TargetRow, Task<TargetProgress>> read, CancellationToken cancellationToken)
    {
        Courses = [.. catalog.Current.Courses.Select(c => (c.Slug, c.Title))];
        var targets = await progress.TargetsAsync(commune, cancellationToken);
        var list = new List<TargetProgress>();
        foreach (var target in targets)
        {
            // A team has no officials of its own: survey targets are read at the commune and the province.
            if (Team is not null && target.Kind == FieldProgress.SurveyKind)
            {
                continue;
            }
            list.Add(await read(target));
        }
        return list;
    }

    IActionResult BadRequestPage(string problem)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Error = problem;
        Courses = [.. catalog.Current.Courses.Select(c => (c.Slug, c.Title))];
        return Page();
    }
}
