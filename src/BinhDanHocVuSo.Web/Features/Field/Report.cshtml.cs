namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// <c>/progress/report?month=2026-11</c>: the monthly report upward, for the province (an administrator) or, with
/// <c>&amp;commune=</c> or by default for a leader, a commune (its leader, or an administrator for any). Reach as on
/// <c>/progress</c>: nobody without field work, and a team member (who reads no commune's totals) is refused; a commune out
/// of reach is "not found". <c>?handler=csv</c> and <c>?handler=xlsx</c> download the same table. A GET only reads.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ReportModel(FieldAccess access, FieldProgress progress, CommuneDirectory communes, ICourseCatalogSource catalog,
    VietnamClock clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public FieldReach Reach { get; private set; } = FieldReach.None;
    public MonthlyReport? Report { get; private set; }
    public ReportMonth Month { get; private set; }
    public string? Error { get; private set; }

    public string CourseTitle(string? slug) => catalog.Current.Courses.FirstOrDefault(c => c.Slug == slug)?.Title ?? slug ?? "";

    public Task<IActionResult> OnGetAsync(string? commune, string? month, CancellationToken cancellationToken) =>
        ReadAsync(commune, month, _ => Task.FromResult<IActionResult>(Page()), cancellationToken);

    public Task<IActionResult> OnGetCsvAsync(string? commune, string? month, CancellationToken cancellationToken) =>
        ReadAsync(commune, month, report => Task.FromResult<IActionResult>(MonthlyReportTable.Csv(report, text, CourseTitle)), cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(string? commune, string? month, CancellationToken cancellationToken) =>
        ReadAsync(commune, month, async report => await MonthlyReportTable.XlsxAsync(report, text, CourseTitle), cancellationToken);

    async Task<IActionResult> ReadAsync(string? commune, string? month, Func<MonthlyReport, Task<IActionResult>> answer, CancellationToken cancellationToken)
    {
        Reach = await access.ReachAsync(HttpContext, cancellationToken);
        if (!Reach.Any)
        {
            return Forbid();
        }
        var current = ReportMonth.Of(clock.Today);
        if (string.IsNullOrEmpty(month))
        {
            Month = current;
        }
        else if (!ReportMonth.TryParse(month, out var asked))
        {
            return Problem(StatusCodes.Status400BadRequest, text.Field("ReportBadMonth", month));
        }
        else if (asked.IsAfter(current))
        {
            return Problem(StatusCodes.Status400BadRequest, text.Field("ReportFutureMonth"));
        }
        else
        {
            Month = asked;
        }
        Commune? place = null;
        commune = string.IsNullOrEmpty(commune) ? Reach.LedCommune : commune;
        if (commune is not null)
        {
            place = communes.Find(commune);
            if (place is null || !Reach.ReadsCommune(place.Id))
            {
                return Problem(StatusCodes.Status404NotFound, text.Field("ReportNoCommune"));
            }
        }
        else if (!Reach.Province)
        {
            // A team member reads their team's villages on /progress, not a commune's or the province's report.
            return Forbid();
        }
        Report = await MonthlyReport.ReadAsync(progress, Month, place, cancellationToken);
        return await answer(Report);
    }

    IActionResult Problem(int status, string problem)
    {
        Response.StatusCode = status;
        Error = problem;
        return Page();
    }
}
