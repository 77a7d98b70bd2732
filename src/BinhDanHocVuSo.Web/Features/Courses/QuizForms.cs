using BinhDanHocVuSo.Content.Quizzes;
using BinhDanHocVuSo.Web.Features.Field;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>
/// The one way a quiz form is answered, from a lesson page or from the course page (its final quiz): check the
/// anti-forgery token (not from cookie-less visitors, see <see cref="QuizPage.IsCookieless"/>), read the form (parsing
/// only), find or create the learner once, and let the learner's grain grade it, once, on the questions the page's
/// draw showed (the draw id travels with the form).
/// </summary>
public sealed class QuizForms(LearnerIdentity identity, IGrainFactory grains, IAntiforgery antiforgery, IStringLocalizer<SharedResource> text)
{
    /// <summary>Answers a posted quiz form. The outcome names the learner (created when the answer is their first).</summary>
    public async Task<QuizFormOutcome> SubmitAsync(HttpContext http, Course course, Quiz quiz, bool isFinal)
    {
        if (!await QuizPage.IsGenuineAsync(http, antiforgery))
        {
            return new QuizFormOutcome(identity.Find(http), null, text["Learning.Forged"], StatusCodes.Status400BadRequest);
        }
        try
        {
            var submission = Read(http.Request, course.Slug, quiz);
            var learnerId = identity.FindOrCreate(http);
            var result = await grains.GetGrain<ILearnerGrain>(learnerId).SubmitQuiz(submission);
            await AssistedMarks.NoteAsync(http, AssistedMarks.Quiz, course.Slug, quiz.Id, result.AttemptId);
            return new QuizFormOutcome(learnerId, QuizResultView.From(result, quiz, isFinal, text["NoAnswer"]), null, StatusCodes.Status200OK);
        }
        catch (LearningException e)
        {
            return new QuizFormOutcome(identity.Find(http), null, e.Describe(text), e.Problem.StatusCode());
        }
    }

    /// <summary>Reads a posted quiz form into a submission, or says what is malformed. Nothing is graded here.</summary>
    static QuizSubmission Read(HttpRequest request, string courseSlug, Quiz quiz)
    {
        if (!request.HasFormContentType)
        {
            throw new LearningException(LearningProblem.NotAForm, quiz.Id);
        }
        var form = request.Form;
        if (!Guid.TryParse(form[QuizPage.AttemptField], out var attemptId) || attemptId == Guid.Empty)
        {
            throw new LearningException(LearningProblem.MissingAttemptId, quiz.Id);
        }
        try
        {
            var fields = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")));
            // A form without a draw id (a page from before draws) drew with its attempt id.
            Guid? drawId = Guid.TryParse(form[QuizPage.DrawField], out var draw) && draw != Guid.Empty ? draw : null;
            return new QuizSubmission(attemptId, courseSlug, quiz.Id, QuizAnswers.FromForm(quiz, fields), drawId);
        }
        catch (QuizAnswerException e)
        {
            throw new LearningException(LearningProblem.MalformedAnswer, e.QuestionId, e);
        }
    }
}

/// <summary>What answering a quiz form came to: the result to show, or the refusal and its status code.</summary>
public sealed record QuizFormOutcome(Guid? LearnerId, QuizResultView? Result, string? Error, int StatusCode);
