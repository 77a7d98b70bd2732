using System.Text.Json;
using BinhDanHocVuSo.Web.Features.Field;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BinhDanHocVuSo.Web.Features.Learning;

/// <summary>JSON endpoints for the phone pages and the offline queue, on the learner's session or guest cookie.</summary>
public static class LearningApi
{
    public static IEndpointRouteBuilder MapLearningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Learning");
        api.MapGet("/progress", GetOverview);
        api.MapGet("/progress/{course}", GetCourseProgress);
        api.MapPost("/courses/{course}/quizzes/{quiz}/attempts", SubmitAttempt).Accepts<AttemptRequest>("application/json");
        api.MapPost("/courses/{course}/practices/{practice}/runs", RecordRun).Accepts<RunRequest>("application/json");
        return app;
    }

    /// <summary>
    /// A quiz attempt as the phone sends it. The attempt id is made by the phone, once per attempt, so a resend is safe;
    /// the draw id is the page's (its <c>drawId</c> field), so the answers are graded on the questions that page showed.
    /// Options and steps are named by their ids, never by the place they were shown in.
    /// </summary>
    public sealed record AttemptRequest(Guid AttemptId, Dictionary<string, string[]>? Answers, Guid? DrawId = null);

    /// <summary>
    /// A finished practice run as the lesson's script sends it: the run id it made when the run started (a resend counts
    /// once) and the steps taken (a simulation's path "0.2.1", a drill's answers "sa…"), which the server plays again.
    /// </summary>
    public sealed record RunRequest(Guid RunId, string? Steps);

    static async Task<Results<Ok<PracticeRunResult>, ProblemHttpResult>> RecordRun(
        string course, string practice, HttpContext http, LearnerIdentity identity, IGrainFactory grains, IStringLocalizer<SharedResource> text)
    {
        RunRequest? request = null;
        try
        {
            if (http.Request.HasJsonContentType())
            {
                request = await http.Request.ReadFromJsonAsync<RunRequest>(http.RequestAborted);
            }
        }
        catch (JsonException)
        {
        }
        if (request is null)
        {
            return Malformed(text["Learning.RunNotJson"]);
        }
        if (request.RunId == Guid.Empty)
        {
            return Malformed(text["Learning.ApiMissingRunId"]);
        }
        return await Run(http, text, async () =>
        {
            var run = await Learner(http, identity, grains).RecordPractice(new PracticeRunSubmission(request.RunId, course, practice, request.Steps ?? ""));
            await AssistedMarks.NoteAsync(http, AssistedMarks.Practice, course, practice, run.RunId);
            return run;
        });
    }

    static async Task<Ok<LearnerOverview>> GetOverview(HttpContext http, LearnerIdentity identity, IGrainFactory grains) =>
        TypedResults.Ok(await Learner(http, identity, grains).GetOverview());

    static Task<Results<Ok<CourseProgress>, ProblemHttpResult>> GetCourseProgress(
        string course, HttpContext http, LearnerIdentity identity, IGrainFactory grains, IStringLocalizer<SharedResource> text) =>
        Run(http, text, () => Learner(http, identity, grains).GetCourseProgress(course));

    // The body is read here rather than bound, so that a missing or broken body is answered like every other refusal:
    // a problem with a Vietnamese message, not an empty 400.
    static async Task<Results<Ok<QuizResult>, ProblemHttpResult>> SubmitAttempt(
        string course, string quiz, HttpContext http, LearnerIdentity identity, IGrainFactory grains, IStringLocalizer<SharedResource> text)
    {
        AttemptRequest? request = null;
        try
        {
            if (http.Request.HasJsonContentType())
            {
                request = await http.Request.ReadFromJsonAsync<AttemptRequest>(http.RequestAborted);
            }
        }
        catch (JsonException)
        {
        }
        if (request is null)
        {
            return Malformed(text["Learning.NotJson"]);
        }
        if (request.AttemptId == Guid.Empty)
        {
            return Malformed(text["Learning.ApiMissingAttemptId"]);
        }
        var answers = (request.Answers ?? []).ToDictionary(a => a.Key, a => (IReadOnlyList<string>)[.. (a.Value ?? []).Select(v => v ?? "")]);
        return await Run(http, text, async () =>
        {
            var result = await Learner(http, identity, grains).SubmitQuiz(
                new QuizSubmission(request.AttemptId, course, quiz, answers, request.DrawId is { } draw && draw != Guid.Empty ? draw : null));
            await AssistedMarks.NoteAsync(http, AssistedMarks.Quiz, course, quiz, result.AttemptId);
            return result;
        });
    }

    static ProblemHttpResult Malformed(string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status400BadRequest, title: LearningProblem.MalformedAnswer.ToString());

    static ILearnerGrain Learner(HttpContext http, LearnerIdentity identity, IGrainFactory grains) =>
        grains.GetGrain<ILearnerGrain>(identity.FindOrCreate(http));

    static async Task<Results<Ok<T>, ProblemHttpResult>> Run<T>(HttpContext http, IStringLocalizer text, Func<Task<T>> action)
    {
        try
        {
            return TypedResults.Ok(await action());
        }
        catch (LearningException e)
        {
            return TypedResults.Problem(e.Describe(text), statusCode: e.Problem.StatusCode(), title: e.Problem.ToString());
        }
        catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
        {
            // A silo just died and the learner's grain is moving to a survivor: nothing was acknowledged, so the
            // phone resends the same attempt id in a moment and it is recorded once.
            http.Response.Headers.RetryAfter = "2";
            return TypedResults.Problem(text["Learning.SiloMoving"], statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
