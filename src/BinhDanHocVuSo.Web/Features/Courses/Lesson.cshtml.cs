using System.Text.Encodings.Web;
using BinhDanHocVuSo.Content.Quizzes;
using BinhDanHocVuSo.Web.Features.Field;
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
    IAntiforgery antiforgery, QuizForms quizForms, LessonShells shells, QuizDrawKey drawKey, HtmlEncoder encoder,
    Guiding guiding, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Where the learner's progress goes in a kept lesson shell (see <see cref="LessonShell"/>).</summary>
    public const string LearnerMark = "<!--learner-->";

    /// <summary>
    /// The personal parts of a lesson page, in page order: the banner of a team member guiding a citizen (see
    /// <see cref="Guiding"/>), the learner's progress, the form's own fields, and for a lesson with a quiz the questions
    /// of the learner's draw.
    /// </summary>
    static readonly string[] Marks = [Guiding.Mark, LearnerMark, QuizHtml.FormFieldsPlaceholder];
    static readonly string[] QuizMarks = [Guiding.Mark, LearnerMark, QuizHtml.FormFieldsPlaceholder, QuizPage.QuestionsMark];

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
    /// <remarks>
    /// Each page view draws its quiz afresh under a new draw id (see <see cref="QuizDraws"/>): the questions are copied
    /// from pieces rendered once per quiz, never rendered per request. A cookie-less page is drawn when the output cache
    /// fills, so everyone served that cached copy (for a minute) sees the same draw and attempt: they are not learners
    /// yet, and keeping the poster crowd on the cache matters more than their order; whoever answers becomes a guest,
    /// and every view after that, a retry included, is drawn for them alone. The draw id in the page lets the server
    /// grade the answers on the questions that copy showed.
    /// </remarks>
    public async Task<IActionResult> OnGetAsync([FromRoute] string course, [FromRoute] string lesson)
    {
        if (Find(course, lesson) is { } redirect)
        {
            return redirect;
        }
        if (QuizPage.IsCookieless(HttpContext))
        {
            await ShowFormAsync();
            return Page();
        }
        var standing = identity.Find(HttpContext) is { } learnerId
            ? await grains.GetGrain<ILearnerGrain>(learnerId).NoteLessonOpened(Course.Slug, Lesson.Slug)
            : null;
        byte[][] parts;
        if (Lesson.Quiz is { } quiz)
        {
            // Objectives the learner missed and is due to review come back in this view's draw.
            var (drawId, draw) = (await drawKey.GetAsync(HttpContext.RequestAborted)).Covering(Course.Slug, quiz, standing?.DueObjectives);
            parts = [Utf8(guiding.Banner(HttpContext)), Utf8(Learner(standing)), Utf8(QuizPage.FormFields(HttpContext, antiforgery, drawId)),
                QuizHtml.QuestionsUtf8(draw)];
        }
        else
        {
            parts = [Utf8(guiding.Banner(HttpContext)), Utf8(Learner(standing)), Utf8(QuizPage.FormFields(HttpContext, antiforgery))];
        }
        if (shells.Find(_catalog, Course, Lesson) is { } shell)
        {
            return new LessonShellResult(shell, parts);
        }
        // The first visit with a cookie since the catalogue was loaded: render the page with the marks instead of
        // anyone's own parts, and keep it. Nothing else on the page may depend on the visitor.
        var (catalogInUse, courseShown, lessonShown) = (_catalog, Course, Lesson);
        LessonShellCaptureAttribute.Request(HttpContext, Lesson.Quiz is null ? Marks : QuizMarks, parts,
            kept => shells.Keep(catalogInUse, courseShown, lessonShown, kept));
        ViewData[Guiding.MarkKey] = true;
        LearnerHtml = new HtmlString(LearnerMark);
        FormFields = new HtmlString(QuizHtml.FormFieldsPlaceholder);
        LessonHtml = new HtmlString(Lesson.Quiz is null ? Lesson.Html : QuizHtml.ReplaceQuestions(Lesson.Html, QuizPage.QuestionsMark));
        return Page();
    }

    static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

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

    /// <summary>The lesson with its form: this request's own fields and, for a quiz, a fresh draw of its questions.</summary>
    async Task ShowFormAsync()
    {
        if (Lesson.Quiz is { } quiz)
        {
            LessonHtml = new HtmlString(QuizPage.WithDrawnForm(Lesson.Html, HttpContext, antiforgery, await drawKey.GetAsync(HttpContext.RequestAborted), Course, quiz));
            return;
        }
        var fields = QuizPage.FormFields(HttpContext, antiforgery);
        FormFields = new HtmlString(fields);
        LessonHtml = new HtmlString(Lesson.Html);
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
            await ShowFormAsync();
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
            await ShowFormAsync();
            return Page();
        }
        await grains.GetGrain<ILearnerGrain>(identity.FindOrCreate(HttpContext)).CompleteLesson(Course.Slug, Lesson.Slug);
        await AssistedMarks.NoteAsync(HttpContext, AssistedMarks.Lesson, Course.Slug, Lesson.Slug);
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
