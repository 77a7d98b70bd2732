using System.Text.Encodings.Web;
using BinhDanHocVuSo.Content.Quizzes;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.OutputCaching;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>
/// A lesson at its short, stable address <c>/c/{course}/{lesson}</c> (printed on QR posters), with its quiz
/// as a plain form: answering works without JavaScript, and the result explains every question.
/// </summary>
[IgnoreAntiforgeryToken]
[OutputCache(PolicyName = LessonCache.Policy)]
[LessonShellCapture]
public sealed class LessonModel(ICourseCatalogSource catalog, LearnerIdentity identity, IGrainFactory grains,
    IAntiforgery antiforgery, QuizForms quizForms, LessonShells shells, HtmlEncoder encoder, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Where the learner's progress goes in a kept lesson shell (see <see cref="LessonShell"/>).</summary>
    public const string LearnerMark = "<!--learner-->";

    /// <summary>The personal parts of a lesson page, in page order: the learner's progress, then the form's own fields.</summary>
    static readonly string[] Marks = [LearnerMark, QuizHtml.FormFieldsPlaceholder];

    CourseCatalog _catalog = null!;
    public Course Course { get; private set; } = null!;
    public Lesson Lesson { get; private set; } = null!;
    public Lesson? NextLesson { get; private set; }
    public HtmlString LearnerHtml { get; private set; } = HtmlString.Empty;
    public HtmlString LessonHtml { get; private set; } = HtmlString.Empty;
    public HtmlString FormFields { get; private set; } = HtmlString.Empty;
    public QuizResultView? Result { get; private set; }
    public string? Error { get; private set; }

    /// <summary>
    /// Cookie-less visitors get the page from the output cache (see <see cref="LessonCache"/>). Anyone with a cookie gets
    /// the kept lesson shell with their own parts, read from their learner grain's memory: no rendering, no database.
    /// </summary>
    public async Task<IActionResult> OnGetAsync([FromRoute] string course, [FromRoute] string lesson)
    {
        if (Find(course, lesson) is { } redirect)
        {
            return redirect;
        }
        if (QuizPage.IsCookieless(HttpContext))
        {
            ShowForm(QuizPage.FormFields(HttpContext, antiforgery));
            return Page();
        }
        var standing = identity.Find(HttpContext) is { } learnerId
            ? await grains.GetGrain<ILearnerGrain>(learnerId).NoteLessonOpened(Course.Slug, Lesson.Slug)
            : null;
        string[] parts = [Learner(standing), QuizPage.FormFields(HttpContext, antiforgery)];
        if (shells.Find(_catalog, Course, Lesson) is { } shell)
        {
            return new LessonShellResult(shell, parts);
        }
        // The first visit with a cookie since the catalogue was loaded: render the page with the marks instead of
        // anyone's own parts, and keep it. Nothing else on the page may depend on the visitor.
        var (catalogInUse, courseShown, lessonShown) = (_catalog, Course, Lesson);
        LessonShellCaptureAttribute.Request(HttpContext, Marks, parts, kept => shells.Keep(catalogInUse, courseShown, lessonShown, kept));
        LearnerHtml = new HtmlString(LearnerMark);
        ShowForm(QuizHtml.FormFieldsPlaceholder);
        return Page();
    }

    /// <summary>The learner's progress in the lesson's course, or nothing for a visitor who is not a learner yet.</summary>
    string Learner(LessonStanding? standing)
    {
        if (standing is not { LessonCount: > 0 } s)
        {
            return "";
        }
        var line = text["LessonProgress", s.LessonsDone, s.LessonCount].Value;
        if (s.ThisLessonDone)
        {
            line += " " + text["ThisLessonDone"].Value;
        }
        return $"<p class=\"muted\" data-learner>{encoder.Encode(line)}</p>";
    }

    /// <summary>The lesson with its form, whose own fields are <paramref name="fields"/>.</summary>
    void ShowForm(string fields)
    {
        FormFields = new HtmlString(fields);
        LessonHtml = new HtmlString(Lesson.Html.Replace(QuizHtml.FormFieldsPlaceholder, fields, StringComparison.Ordinal));
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
            ShowForm(QuizPage.FormFields(HttpContext, antiforgery));
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
            ShowForm(QuizPage.FormFields(HttpContext, antiforgery));
            return Page();
        }
        await grains.GetGrain<ILearnerGrain>(identity.FindOrCreate(HttpContext)).CompleteLesson(Course.Slug, Lesson.Slug);
        return NextLesson is { } next ? Redirect($"/c/{Course.Slug}/{next.Slug}") : Redirect($"/c/{Course.Slug}");
    }

    IActionResult? Find(string? courseSlug, string? lessonSlug)
    {
        var current = catalog.Current;
        if (courseSlug is null || lessonSlug is null || current.Find(courseSlug) is not { } course || course.FindLesson(lessonSlug) is not { } match)
        {
            return NotFound();
        }
        if (match.IsAlias)
        {
            // A renamed lesson keeps its old address working for printed QR codes.
            return RedirectPermanent($"/c/{course.Slug}/{match.Lesson.Slug}");
        }
        _catalog = current;
        Course = course;
        Lesson = match.Lesson;
        NextLesson = course.Lessons.SkipWhile(l => l.Slug != Lesson.Slug).Skip(1).FirstOrDefault();
        return null;
    }
}
