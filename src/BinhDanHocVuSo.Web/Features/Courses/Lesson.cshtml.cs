using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.OutputCaching;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>
/// A lesson at its short, stable address <c>/c/{course}/{lesson}</c> (printed on QR posters), with its quiz
/// as a plain form: answering works without JavaScript, and the result explains every question.
/// </summary>
[IgnoreAntiforgeryToken]
[OutputCache(PolicyName = LessonCache.Policy)]
public sealed class LessonModel(ICourseCatalogSource catalog, LearnerIdentity identity, IGrainFactory grains,
    IAntiforgery antiforgery, QuizForms quizForms, IStringLocalizer<SharedResource> text) : PageModel
{
    public Course Course { get; private set; } = null!;
    public Lesson Lesson { get; private set; } = null!;
    public Lesson? NextLesson { get; private set; }
    public HtmlString LessonHtml { get; private set; } = HtmlString.Empty;
    public QuizResultView? Result { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string course, [FromRoute] string lesson)
    {
        if (Find(course, lesson) is { } redirect)
        {
            return redirect;
        }
        if (identity.Find(HttpContext) is { } learnerId)
        {
            await grains.GetGrain<ILearnerGrain>(learnerId).NoteLessonOpened(Course.Slug, Lesson.Slug);
        }
        LessonHtml = QuizPage.WithFormFields(Lesson.Html, HttpContext, antiforgery);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string course, [FromRoute] string lesson)
    {
        if (Find(course, lesson) is { } redirect)
        {
            return redirect;
        }
        if (Lesson.Quiz is not { } quiz)
        {
            return NotFound();
        }
        var outcome = await quizForms.SubmitAsync(HttpContext, Course, quiz, isFinal: false);
        (Result, Error, Response.StatusCode) = (outcome.Result, outcome.Error, outcome.StatusCode);
        if (Result is null)
        {
            LessonHtml = QuizPage.WithFormFields(Lesson.Html, HttpContext, antiforgery);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDoneAsync([FromRoute] string course, [FromRoute] string lesson)
    {
        if (Find(course, lesson) is { } redirect)
        {
            return redirect;
        }
        if (!await QuizPage.IsGenuineAsync(HttpContext, antiforgery))
        {
            Error = text["Learning.Forged"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            LessonHtml = QuizPage.WithFormFields(Lesson.Html, HttpContext, antiforgery);
            return Page();
        }
        await grains.GetGrain<ILearnerGrain>(identity.FindOrCreate(HttpContext)).CompleteLesson(Course.Slug, Lesson.Slug);
        return NextLesson is { } next ? Redirect($"/c/{Course.Slug}/{next.Slug}") : Redirect($"/c/{Course.Slug}");
    }

    IActionResult? Find(string? courseSlug, string? lessonSlug)
    {
        if (courseSlug is null || lessonSlug is null || catalog.Current.Find(courseSlug) is not { } course || course.FindLesson(lessonSlug) is not { } match)
        {
            return NotFound();
        }
        if (match.IsAlias)
        {
            // A renamed lesson keeps its old address working for printed QR codes.
            return RedirectPermanent($"/c/{course.Slug}/{match.Lesson.Slug}");
        }
        Course = course;
        Lesson = match.Lesson;
        NextLesson = course.Lessons.SkipWhile(l => l.Slug != Lesson.Slug).Skip(1).FirstOrDefault();
        return null;
    }
}
