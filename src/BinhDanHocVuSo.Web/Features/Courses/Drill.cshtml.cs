using BinhDanHocVuSo.Content.Practice;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>
/// A run of a lesson's scam drill, one message at a time: <c>?run={id}&amp;a=sa…</c> names the run (its messages are
/// drawn from it under the server's key, like a quiz draw) and the answers so far ("s" Lừa đảo, "a" An toàn). Each
/// answer shows whether it was right and why, then the next message. The state is in the address: a GET never writes.
/// The last page carries a "Lưu kết quả" form that posts the run (<see cref="PracticeForms"/>), recorded once per run id.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class DrillModel(ICourseCatalogSource catalog, QuizDrawKey drawKey, PracticeForms forms) : PageModel
{
    const string AnswersField = "a";

    public Course Course { get; private set; } = null!;
    public Lesson Lesson { get; private set; } = null!;
    public Drill Drill { get; private set; } = null!;
    public DrillDraw Run { get; private set; } = null!;
    public Guid RunId { get; private set; }
    public string Answers { get; private set; } = "";
    public DrillGrade? Grade { get; private set; }
    public DrillMessage? Previous { get; private set; }
    public bool PreviousRight { get; private set; }
    public DrillMessage? Next { get; private set; }
    public Microsoft.AspNetCore.Html.HtmlString SaveHtml { get; private set; } = Microsoft.AspNetCore.Html.HtmlString.Empty;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string course, [FromRoute] string lesson, [FromRoute] string drill,
        [FromQuery] Guid? run, [FromQuery] string? a)
    {
        if (catalog.Current.Find(course) is not { } foundCourse || foundCourse.FindLesson(lesson) is not { IsAlias: false, Lesson: var foundLesson }
            || foundLesson.FindExercise(drill).Drill is not { } foundDrill || !foundCourse.DrillBanks.TryGetValue(foundDrill.Bank, out var bank))
        {
            return NotFound();
        }
        if (run is not { } runId || runId == Guid.Empty)
        {
            return Redirect($"/c/{course}/{lesson}/drill/{drill}?run={Guid.NewGuid():N}");
        }
        (Course, Lesson, Drill, RunId) = (foundCourse, foundLesson, foundDrill, runId);
        Run = (await drawKey.GetAsync(HttpContext.RequestAborted)).ForDrill(course, foundDrill, bank, runId);
        Answers = a ?? "";
        if (Run.Grade(Answers) is not { } grade)
        {
            return Redirect($"/c/{course}/{lesson}/drill/{drill}?run={runId:N}");
        }
        Grade = grade;
        if (Answers.Length > 0)
        {
            (Previous, PreviousRight) = (Run.Messages[Answers.Length - 1], grade.Right[^1]);
        }
        Next = grade.Finished ? null : Run.Messages[Answers.Length];
        if (grade.Finished)
        {
            SaveHtml = new(forms.SaveForm(HttpContext, runId, AnswersField, Answers));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string course, [FromRoute] string lesson, [FromRoute] string drill)
    {
        if (catalog.Current.Find(course) is not { } foundCourse || foundCourse.FindLesson(lesson) is not { IsAlias: false, Lesson: var foundLesson }
            || foundLesson.FindExercise(drill).Drill is not { } foundDrill || !foundCourse.DrillBanks.TryGetValue(foundDrill.Bank, out var bank))
        {
            return NotFound();
        }
        var outcome = await forms.RecordAsync(HttpContext, foundCourse, foundDrill.Id, AnswersField);
        Response.StatusCode = outcome.StatusCode;
        (Course, Lesson, Drill, Error) = (foundCourse, foundLesson, foundDrill, outcome.Error);
        var form = Request.HasFormContentType ? Request.Form : null;
        RunId = Guid.TryParse(form?[PracticeForms.RunField].ToString(), out var runId) && runId != Guid.Empty ? runId : Guid.NewGuid();
        Run = (await drawKey.GetAsync(HttpContext.RequestAborted)).ForDrill(course, foundDrill, bank, RunId);
        Answers = form?[AnswersField].ToString() ?? "";
        Grade = Run.Grade(Answers) is { Finished: true } grade ? grade : Run.Grade("")!;
        Answers = Grade.Finished ? Answers : "";
        Next = Grade.Finished ? null : Run.Messages[0];
        if (outcome.Run is { } recorded)
        {
            SaveHtml = new(forms.Saved(recorded));
        }
        return Page();
    }
}
