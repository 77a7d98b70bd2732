using BinhDanHocVuSo.Content.Assessments.Export;

namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>
/// <c>/survey/report</c>: the group report of spec section (e) for trainers (the communes assigned to them), leaders (an
/// official in a leadership position: their commune, read only) and admins (everyone), grouped by commune, position and
/// age band as chosen, flagged respondents left out unless <c>flagged=include</c>; its CSV exports; and the one action
/// that assigns the recommended courses to one of the trainer's groups.
/// </summary>
[Authorize]
public sealed class ReportModel(SurveyReports reports, SurveySource surveys, AppDbContext db, ICourseCatalogSource catalog,
    IStringLocalizer<SurveyText> text) : PageModel
{
    static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [BindProperty(SupportsGet = true, Name = "by")] public string[] By { get; set; } = [];

    [BindProperty(SupportsGet = true)] public int? Assigned { get; set; }

    /// <summary>The group the courses were just assigned to: the confirmation names it.</summary>
    [BindProperty(SupportsGet = true, Name = "to")] public Guid? AssignedTo { get; set; }

    /// <summary>The group and due date chosen in the assign form, shown again when it is refused.</summary>
    public Guid? ChosenGroup { get; private set; }
    public DateOnly? ChosenDue { get; private set; }

    /// <summary>Today in Vietnam as a date field's value: the earliest due date the form offers.</summary>
    public string Today { get; private set; } = "";

    /// <summary><c>include</c>: respondents who failed the attention check or answered too fast count in the figures.</summary>
    [BindProperty(SupportsGet = true, Name = "flagged")] public string? Flagged { get; set; }

    public bool IncludeFlagged => Flagged == "include";

    /// <summary>Who reads the report; set once loaded.</summary>
    public ReportReach Reach { get; private set; } = null!;

    /// <summary>The survey version reported on; null for the current one.</summary>
    [BindProperty(SupportsGet = true, Name = "v")] public int? Version { get; set; }

    public IReadOnlyList<BinhDanHocVuSo.Content.Assessments.SurveyDefinition> Versions => surveys.Versions;

    public ScopedReport Scoped { get; private set; } = null!;

    public SurveyReport Report => Scoped.Report;

    public IReadOnlyList<GroupRow> MyGroups { get; private set; } = [];

    public string? Message { get; private set; }

    public GroupBy Grouping => (By.Contains("commune") ? GroupBy.Commune : GroupBy.None)
        | (By.Contains("position") ? GroupBy.Position : GroupBy.None)
        | (By.Contains("age") ? GroupBy.AgeBand : GroupBy.None);

    public string Label(GroupKey key) => reports.LabelOf(Scoped.Survey, key, text["Everyone"]);

    public string NameOf(string id) => surveys.NameOf(id);

    public Course? CourseOf(string? slug) => slug is null ? null : catalog.Current.Find(slug);

    public string Query => QueryWith(IncludeFlagged);

    /// <summary>The report's query string with flagged respondents included or not: the toggle's link.</summary>
    public string QueryWith(bool includeFlagged) => string.Join("&", By.Select(b => "by=" + Uri.EscapeDataString(b))
        .Concat(Version is { } v ? [$"v={v}"] : [])
        .Concat(includeFlagged ? ["flagged=include"] : []));

    /// <summary>A report figure as text: the note of a hidden cell, "—" when there is nothing to show.</summary>
    public static string Show(ReportCell cell, string format, string suffix = "") =>
        cell.Note ?? (cell.Value is { } v ? v.ToString(format, Vietnamese) + suffix : "—");

    public static string Number(double? value, string format) => value is { } v ? v.ToString(format, Vietnamese) : "—";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is { } refused ? refused : Page();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }
        var csv = ReportCsv.Write(Report, Label);
        // The byte-order mark makes spreadsheet programs read the Vietnamese letters as UTF-8.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
            $"bao-cao-khao-sat-v{Scoped.Survey.Version}.csv");
    }

    public async Task<IActionResult> OnGetMoodleAsync()
    {
        if (await reports.ReachAsync(HttpContext) is null)
        {
            return Forbid();
        }
        if (surveys.Current is not { } survey)
        {
            return NotFound();
        }
        var csv = MoodleFrameworkCsv.Write(new MoodleFramework(survey.Id, text["MoodleShortName"], survey.Title), surveys.Competences, survey);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"khung-nang-luc-so-moodle.csv");
    }

    /// <summary>Assigns the recommended courses of the priority list to one group the caller runs (existing assignments stay as they are).</summary>
    /// <remarks>
    /// No group is taken for the trainer: with several, they choose one (the form's first choice is empty); the
    /// confirmation names the group. A due date already past is refused, as on the group's own assign form.
    /// </remarks>
    public async Task<IActionResult> OnPostAssignAsync(Guid? group, DateOnly? due, [FromServices] GroupRoster roster)
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }
        if (Reach.Reader == ReportReader.Leader)
        {
            // A leader reads their commune's report; assigning courses is a trainer's work.
            return Forbid();
        }
        (ChosenGroup, ChosenDue) = (group, due);
        if (group is not { } groupId || groupId == Guid.Empty)
        {
            return Refuse(text["ChooseGroup"]);
        }
        if (MyGroups.All(g => g.Id != groupId))
        {
            // Another trainer's group, or none: not the caller's to assign to, whatever else the form says.
            return NotFound();
        }
        if (roster.DueProblem(due) is { } late)
        {
            return Refuse(late);
        }
        var slugs = Report.Priorities.Select(p => p.CourseSlug).OfType<string>().Distinct().Where(s => catalog.Current.Find(s) is not null).ToList();
        if (slugs.Count == 0)
        {
            return Refuse(text["NothingToAssign"]);
        }
        if (await roster.AssignAllAsync(HttpContext, groupId, slugs, due) is not { } added)
        {
            return NotFound();
        }
        return Redirect($"/survey/report?assigned={added}&to={groupId}{(Query.Length > 0 ? "&" + Query : "")}");
    }

    IActionResult Refuse(string problem)
    {
        Message = problem;
        Refused = true;
        HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>True when <see cref="Message"/> says why the assign form was refused.</summary>
    public bool Refused { get; private set; }

    /// <summary>Loads the report; the answer to give instead when the caller may not read it (403) or there is none (404).</summary>
    async Task<IActionResult?> LoadAsync()
    {
        if (await reports.ReachAsync(HttpContext) is not { } reach)
        {
            return Forbid();
        }
        Reach = reach;
        if (await reports.BuildAsync(reach, Grouping, IncludeFlagged, Version) is not { } scoped)
        {
            return NotFound();
        }
        Scoped = scoped;
        MyGroups = reach.Reader == ReportReader.Leader ? []
            : [.. (await db.Visible(HttpContext).Where(g => g.ArchivedAt == null).ToListAsync()).OrderByName(g => g.Name)];
        Today = HttpContext.RequestServices.GetRequiredService<VietnamClock>().Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Assigned is { } n && MyGroups.FirstOrDefault(g => g.Id == AssignedTo) is { } to)
        {
            Message = text["AssignedCount", n, to.Name];
        }
        return null;
    }
}
