using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>What the lesson and course pages share: the quiz form, its own fields and its drawn questions.</summary>
public static class QuizPage
{
    public const string AttemptField = "attemptId";

    /// <summary>The hidden field naming the draw the page shows (see <see cref="QuizDraws"/>).</summary>
    public const string DrawField = "drawId";

    /// <summary>Where an attempt's drawn questions go in a kept lesson shell (see <see cref="LessonShell"/>).</summary>
    public const string QuestionsMark = "<!--questions-->";

    /// <summary>
    /// This request's own hidden fields of a form: a fresh attempt id (so that pressing "Nộp bài" twice records one
    /// attempt), the draw id of the questions shown when the form is a quiz, and the anti-forgery token unless cookie-less.
    /// The page script gives a saved copy a new attempt id each time it is shown but keeps its draw id: the questions on
    /// the page are that draw's.
    /// </summary>
    public static string FormFields(HttpContext http, IAntiforgery antiforgery, Guid? drawId = null)
    {
        var fields = $"<input type=\"hidden\" name=\"{AttemptField}\" value=\"{Guid.NewGuid()}\">";
        if (drawId is { } draw)
        {
            fields += $"<input type=\"hidden\" name=\"{DrawField}\" value=\"{draw}\">";
        }
        if (!IsCookieless(http))
        {
            var token = antiforgery.GetAndStoreTokens(http);
            fields += $"<input type=\"hidden\" name=\"{token.FormFieldName}\" value=\"{token.RequestToken}\">";
        }
        return fields;
    }

    /// <summary>
    /// A quiz form rendered by the course engine (<paramref name="renderedHtml"/>, the whole quiz in authored order)
    /// with this request's fields and a fresh draw of its questions, shuffled: what a page shows.
    /// </summary>
    public static string WithDrawnForm(string renderedHtml, HttpContext http, IAntiforgery antiforgery, QuizDraws draws, Course course, Quiz quiz)
    {
        var drawId = Guid.NewGuid();
        var questions = Encoding.UTF8.GetString(QuizHtml.QuestionsUtf8(draws.For(course.Slug, quiz, drawId)));
        return QuizHtml.ReplaceQuestions(renderedHtml, questions)
            .Replace(QuizHtml.FormFieldsPlaceholder, FormFields(http, antiforgery, drawId), StringComparison.Ordinal);
    }

    /// <summary>
    /// A visitor who brings no cookie at all (someone who just scanned a poster) has no session that another site
    /// could ride on, so their page needs no anti-forgery token, sets no cookie, and can be served from the output
    /// cache. Everyone with a cookie (a guest or a signed-in person) gets a token and must send it back.
    /// </summary>
    public static bool IsCookieless(HttpContext http) =>
        http.Request.Cookies.Count == 0 && http.User.Identity?.IsAuthenticated != true;

    /// <summary>Checks the anti-forgery token of a quiz form, except from cookie-less visitors (see <see cref="IsCookieless"/>).</summary>
    public static async Task<bool> IsGenuineAsync(HttpContext http, IAntiforgery antiforgery) =>
        IsCookieless(http) || await antiforgery.IsRequestValidAsync(http);
}
