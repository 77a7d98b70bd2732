using System.Text.Encodings.Web;
using BinhDanHocVuSo.Web.Features.Field;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>
/// The one way a finished practice run is recorded from a page without JavaScript (a simulation's end or trap screen,
/// a scam drill's last page): a POST form carrying the run id, the steps taken and the anti-forgery token (not from
/// cookie-less visitors, as for quizzes). The learner's grain plays the steps again and records the run once per run id.
/// </summary>
public sealed class PracticeForms(LearnerIdentity identity, IGrainFactory grains, IAntiforgery antiforgery, HtmlEncoder encoder,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>The field (form and address) naming the run.</summary>
    public const string RunField = "run";

    /// <summary>The "Lưu kết quả" form of a finished run: its id, its steps in <paramref name="stepsField"/>, and the token.</summary>
    public string SaveForm(HttpContext http, Guid runId, string stepsField, string steps)
    {
        var html = new StringBuilder("<form method=\"post\" class=\"practice-save\">");
        html.Append($"<input type=\"hidden\" name=\"{RunField}\" value=\"{runId:N}\">");
        html.Append($"<input type=\"hidden\" name=\"{stepsField}\" value=\"{encoder.Encode(steps)}\">");
        if (!QuizPage.IsCookieless(http))
        {
            var token = antiforgery.GetAndStoreTokens(http);
            html.Append($"<input type=\"hidden\" name=\"{token.FormFieldName}\" value=\"{token.RequestToken}\">");
        }
        html.Append($"<p class=\"muted\">{encoder.Encode(text["Practice.SaveHint"])}</p><button type=\"submit\">{encoder.Encode(text["Practice.Save"])}</button></form>");
        return html.ToString();
    }

    /// <summary>Records the run posted by <see cref="SaveForm"/>; the outcome says what to show, or why it was refused.</summary>
    public async Task<PracticeFormOutcome> RecordAsync(HttpContext http, Course course, string practiceId, string stepsField)
    {
        if (!await QuizPage.IsGenuineAsync(http, antiforgery))
        {
            return new PracticeFormOutcome(null, text["Learning.Forged"], StatusCodes.Status400BadRequest);
        }
        try
        {
            if (!http.Request.HasFormContentType)
            {
                throw new LearningException(LearningProblem.NotAForm, practiceId);
            }
            var form = http.Request.Form;
            if (!Guid.TryParse(form[RunField], out var runId) || runId == Guid.Empty)
            {
                throw new LearningException(LearningProblem.MissingAttemptId, practiceId);
            }
            var result = await grains.GetGrain<ILearnerGrain>(identity.FindOrCreate(http))
                .RecordPractice(new PracticeRunSubmission(runId, course.Slug, practiceId, form[stepsField].ToString()));
            await AssistedMarks.NoteAsync(http, AssistedMarks.Practice, course.Slug, practiceId, result.RunId);
            return new PracticeFormOutcome(result, null, StatusCodes.Status200OK);
        }
        catch (LearningException e)
        {
            return new PracticeFormOutcome(null, e.Describe(text), e.Problem.StatusCode());
        }
    }

    /// <summary>What the page says once a run is recorded.</summary>
    public string Saved(PracticeRunResult run)
    {
        var line = text[run.Passed ? "Practice.SavedPassed" : "Practice.SavedTrapped"].Value;
        if (run.LessonCompleted)
        {
            line += " " + text["Practice.LessonDone"].Value;
        }
        return $"<p class=\"result {(run.Passed ? "right" : "wrong")}\" role=\"status\" data-run=\"{run.RunId:N}\">{encoder.Encode(line)}</p>";
    }
}

/// <summary>What posting a finished run came to: the recorded run, or the refusal and its status code.</summary>
public sealed record PracticeFormOutcome(PracticeRunResult? Run, string? Error, int StatusCode);
