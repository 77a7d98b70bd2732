using Microsoft.AspNetCore.Html;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>
/// A course at <c>/c/{course}</c>: its lessons with the learner's status, and the final quiz. The quiz form checks
/// its anti-forgery token as the lesson's does (<see cref="QuizPage.IsGenuineAsync"/>): a visitor without cookies
/// gets no token and needs none.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class CourseModel(ICourseCatalogSource catalog, LearnerIdentity identity, IGrainFactory grains,
    IAntiforgery antiforgery, QuizForms quizForms, QuizDrawKey drawKey) : PageModel
{
    public Course Course { get; private set; } = null!;
    public CourseProgress? Progress { get; private set; }
    public Lesson? NextLesson { get; private set; }
    public HtmlString FinalQuizHtml { get; private set; } = HtmlString.Empty;
    public QuizResultView? Result { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string? course)
    {
        if (course is null || catalog.Current.Find(course) is not { } found)
        {
            return NotFound();
        }
        await Show(found, identity.Find(HttpContext));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string? course)
    {
        if (course is null || catalog.Current.Find(course) is not { FinalQuiz: { } quiz } found)
        {
            return NotFound();
        }
        var outcome = await quizForms.SubmitAsync(HttpContext, found, quiz, isFinal: true);
        (Result, Error, Response.StatusCode) = (outcome.Result, outcome.Error, outcome.StatusCode);
        await Show(found, outcome.LearnerId);
        return Page();
    }

    async Task Show(Course course, Guid? learnerId)
    {
        Course = course;
        Progress = learnerId is { } id ? await grains.GetGrain<ILearnerGrain>(id).GetCourseProgress(course.Slug) : null;
        NextLesson = course.Lessons.FirstOrDefault(l => Progress?.CompletedLessons.Contains(l.Slug) != true);
        // The final quiz is drawn afresh on every view (this page is not kept): one draw per view, shuffled.
        FinalQuizHtml = course is { FinalQuizHtml: { } html, FinalQuiz: { } quiz }
            ? new HtmlString(QuizPage.WithDrawnForm(html, HttpContext, antiforgery, await drawKey.GetAsync(HttpContext.RequestAborted), course, quiz))
            : HtmlString.Empty;
    }
}
