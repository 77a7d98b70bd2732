using BinhDanHocVuSo.Content.Quizzes;
using Microsoft.AspNetCore.Html;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>What the lesson and course pages share: the quiz form and its graded result.</summary>
public static class QuizPage
{
    public const string AttemptField = "attemptId";

    /// <summary>
    /// The cached lesson HTML carries a placeholder where each request's own fields go: the anti-forgery token,
    /// and a fresh attempt id so that pressing "Nộp bài" twice records one attempt.
    /// </summary>
    public static HtmlString WithFormFields(string renderedHtml, HttpContext http, IAntiforgery antiforgery) =>
        new(renderedHtml.Replace(QuizHtml.FormFieldsPlaceholder, FormFields(http, antiforgery), StringComparison.Ordinal));

    /// <summary>This request's own hidden fields of a form: a fresh attempt id, and the anti-forgery token unless cookie-less.</summary>
    public static string FormFields(HttpContext http, IAntiforgery antiforgery)
    {
        var fields = $"<input type=\"hidden\" name=\"{AttemptField}\" value=\"{Guid.NewGuid()}\">";
        if (!IsCookieless(http))
        {
            var token = antiforgery.GetAndStoreTokens(http);
            fields += $"<input type=\"hidden\" name=\"{token.FormFieldName}\" value=\"{token.RequestToken}\">";
        }
        return fields;
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

    /// <summary>Reads a submitted quiz form into a submission, or explains what is malformed.</summary>
    public static QuizSubmission ReadSubmission(HttpRequest request, string courseSlug, Quiz quiz)
    {
        if (!request.HasFormContentType)
        {
            throw new LearningException(LearningProblem.MalformedAnswer, "Bài làm phải được gửi bằng biểu mẫu của trang. Hãy tải lại trang và làm lại.");
        }
        var form = request.Form;
        if (!Guid.TryParse(form[AttemptField], out var attemptId) || attemptId == Guid.Empty)
        {
            throw new LearningException(LearningProblem.MalformedAnswer, "Thiếu mã lượt làm bài (attemptId). Hãy tải lại trang và làm lại.");
        }
        try
        {
            var pairs = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")));
            return new QuizSubmission(attemptId, courseSlug, quiz.Id, QuizAnswers.FromForm(quiz, pairs));
        }
        catch (QuizAnswerException e)
        {
            throw new LearningException(LearningProblem.MalformedAnswer, e.Message);
        }
    }
}
