using BinhDanHocVuSo.Content.Practice;
using Microsoft.AspNetCore.Html;
using Simulation = BinhDanHocVuSo.Content.Practice.Practice;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>
/// One screen of a lesson's simulation, for a phone without JavaScript: each tap of the lesson's phone asks for
/// <c>/c/{course}/{lesson}/practice/{id}?path=0.2&amp;run=…</c>, the choices tapped so far and the run's id (made on the
/// first tap), and the server plays that path (<see cref="Simulation.Walk"/>) and answers with the screen it reaches, or
/// with the trap's explanation. The state is in the address: this GET never writes. The end and trap screens carry a
/// "Lưu kết quả" form that posts the run (<see cref="PracticeForms"/>), recorded once per run id.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class PracticeModel(ICourseCatalogSource catalog, PracticeForms forms) : PageModel
{
    const string PathField = "path";

    public Course Course { get; private set; } = null!;
    public Lesson Lesson { get; private set; } = null!;
    public Simulation Practice { get; private set; } = null!;
    public HtmlString ScreenHtml { get; private set; } = HtmlString.Empty;
    public HtmlString SaveHtml { get; private set; } = HtmlString.Empty;
    public string? Error { get; private set; }

    public IActionResult OnGet([FromRoute] string course, [FromRoute] string lesson, [FromRoute] string practice, [FromQuery] string? path,
        [FromQuery] Guid? run)
    {
        if (Find(course, lesson, practice) is { } notFound)
        {
            return notFound;
        }
        if (Simulation.ParsePath(path) is not { } steps || Practice.Walk(steps) is not { } walk)
        {
            // An address typed or cut short: start the run again rather than guess.
            return Redirect($"/c/{course}/{lesson}/practice/{practice}");
        }
        // The first tap (from the lesson's phone) starts a run: its id goes on with every next tap.
        var runId = run is { } id && id != Guid.Empty ? id : Guid.NewGuid();
        Show(walk, steps, runId);
        if (walk.Outcome != PracticeOutcome.Playing)
        {
            SaveHtml = new HtmlString(forms.SaveForm(HttpContext, runId, PathField, path ?? ""));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string course, [FromRoute] string lesson, [FromRoute] string practice)
    {
        if (Find(course, lesson, practice) is { } notFound)
        {
            return notFound;
        }
        var outcome = await forms.RecordAsync(HttpContext, Course, Practice.Id, PathField);
        Response.StatusCode = outcome.StatusCode;
        var path = Request.HasFormContentType ? Request.Form[PathField].ToString() : "";
        var steps = Simulation.ParsePath(path) ?? [];
        var walk = Practice.Walk(steps) ?? Practice.Walk([])!;
        Guid.TryParse(Request.HasFormContentType ? Request.Form[PracticeForms.RunField].ToString() : "", out var runId);
        Show(walk, walk.Outcome == PracticeOutcome.Playing && steps.Count > 0 ? [] : steps, runId == Guid.Empty ? Guid.NewGuid() : runId);
        if (outcome.Run is { } recorded)
        {
            SaveHtml = new HtmlString(forms.Saved(recorded));
        }
        Error = outcome.Error;
        return Page();
    }

    IActionResult? Find(string course, string lesson, string practice)
    {
        if (catalog.Current.Find(course) is not { } foundCourse || foundCourse.FindLesson(lesson) is not { IsAlias: false, Lesson: var foundLesson }
            || foundLesson.FindExercise(practice).Practice is not { } foundPractice)
        {
            return NotFound();
        }
        (Course, Lesson, Practice) = (foundCourse, foundLesson, foundPractice);
        return null;
    }

    void Show(PracticeWalk walk, IReadOnlyList<int> steps, Guid runId) =>
        ScreenHtml = new HtmlString(PracticeHtml.RenderScreen(Practice, $"/c/{Course.Slug}/{Lesson.Slug}", walk, steps,
            $"<input type=\"hidden\" name=\"{PracticeForms.RunField}\" value=\"{runId:N}\">"));
}
