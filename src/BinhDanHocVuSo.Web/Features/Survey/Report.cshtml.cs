using BinhDanHocVuSo.Content.Assessments.Export;

namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>
/// <c>/survey/report</c>: the group report of spec section (e) for trainers (the communes assigned to them) and admins
/// (everyone), grouped by commune, position and age band as chosen; its CSV exports; and the one action that assigns
/// the recommended courses to one of the trainer's groups.
/// </summary>
[Authorize(Policy = Policies.Trainer)]
public sealed class ReportModel(SurveyReports reports, SurveySource surveys, AppDbContext db, ICourseCatalogSource catalog,
    IStringLocalizer<SurveyText> text) : PageModel
{
    static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [BindProperty(SupportsGet = true, Name = "by")] public string[] By { get; set; } = [];

    [BindProperty(SupportsGet = true)] public int? Assigned { get; set; }

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

    public string Query => string.Join("&", By.Select(b => "by=" + Uri.EscapeDataString(b))
        .Concat(Version is { } v ? [$"v={v}"] : []));

    /// <summary>A report figure as text: the note of a hidden cell, "—" when there is nothing to show.</summary>
    public static string Show(ReportCell cell, string format, string suffix = "") =>
        cell.Note ?? (cell.Value is { } v ? v.ToString(format, Vietnamese) + suffix : "—");

    public static string Number(double? value, string format) => value is { } v ? v.ToString(format, Vietnamese) : "—";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var csv = ReportCsv.Write(Report, Label);
        // The byte-order mark makes spreadsheet programs read the Vietnamese letters as UTF-8.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
            $"bao-cao-khao-sat-v{Scoped.Survey.Version}.csv");
    }

    public IActionResult OnGetMoodle()
    {
        if (surveys.Current is not { } survey)
        {
            return NotFound();
        }
        var csv = MoodleFrameworkCsv.Write(new MoodleFramework(survey.Id, text["MoodleShortName"], survey.Title), surveys.Competences, survey);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"khung-nang-luc-so-moodle.csv");
    }

    /// <summary>Assigns the recommended courses of the priority list to one group the caller runs (existing assignments stay as they are).</summary>
    public async Task<IActionResult> OnPostAssignAsync(Guid group, [FromServices] GroupRoster roster)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var slugs = Report.Priorities.Select(p => p.CourseSlug).OfType<string>().Distinct().Where(s => catalog.Current.Find(s) is not null).ToList();
        if (await roster.AssignAllAsync(HttpContext, group, slugs) is not { } added)
        {
            return NotFound();
        }
        if (slugs.Count == 0)
        {
            Message = text["NothingToAssign"];
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/survey/report?assigned={added}{(Query.Length > 0 ? "&" + Query : "")}");
    }

    async Task<bool> LoadAsync()
    {
        if (await reports.BuildAsync(HttpContext, Grouping, Version) is not { } scoped)
        {
            return false;
        }
        Scoped = scoped;
        MyGroups = await db.Visible(HttpContext).Where(g => g.ArchivedAt == null).OrderBy(g => g.Name).ToListAsync();
        if (Assigned is { } n)
        {
            Message = text["AssignedCount", n];
        }
        return true;
    }
}
