namespace BinhDanHocVuSo.Web.Features.Learning;

/// <summary>Where a learner stands in one course.</summary>
[GenerateSerializer, Immutable]
public sealed record CourseProgress(
    [property: Id(0)] string CourseSlug,
    [property: Id(1)] bool Started,
    [property: Id(2)] IReadOnlyList<string> CompletedLessons,
    [property: Id(3)] int LessonCount,
    [property: Id(4)] string? NextLessonSlug,
    [property: Id(5)] IReadOnlyDictionary<string, QuizStanding> Quizzes,
    [property: Id(6)] DateTime? CompletedAt,
    [property: Id(7)] string? LastOpenedLessonSlug,
    [property: Id(8)] IReadOnlyList<string>? MasteredLessons = null,
    [property: Id(9)] IReadOnlyDictionary<string, PracticeStanding>? Practices = null)
{
    public int PercentDone => LessonCount == 0 ? 0 : (int)Math.Round(100.0 * CompletedLessons.Count / LessonCount);
}

/// <summary>What a lesson page shows the learner who opened it: lessons done in its course, and whether this one is.</summary>
[GenerateSerializer, Immutable]
public sealed record LessonStanding(
    [property: Id(0)] int LessonsDone,
    [property: Id(1)] int LessonCount,
    [property: Id(2)] bool ThisLessonDone,
    [property: Id(3)] IReadOnlyList<string>? DueObjectives = null);

/// <summary>Whether a practice block (simulation or scam drill) was passed, and how many runs of it were recorded.</summary>
[GenerateSerializer, Immutable]
public sealed record PracticeStanding(
    [property: Id(0)] bool Passed,
    [property: Id(1)] int Runs);

/// <summary>Best score and number of attempts of one quiz, and the quiz version of the best attempt.</summary>
[GenerateSerializer, Immutable]
public sealed record QuizStanding(
    [property: Id(0)] int BestScorePercent,
    [property: Id(1)] int Attempts,
    [property: Id(2)] string BestVersion);

/// <summary>
/// An attempt as answered. <see cref="AttemptId"/> makes a resend count once; <see cref="DrawId"/> is the id the page
/// drew its questions and order with (see <see cref="QuizDraws"/>): null for a client that does not send it, which then
/// drew with its attempt id.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record QuizSubmission(
    [property: Id(0)] Guid AttemptId,
    [property: Id(1)] string CourseSlug,
    [property: Id(2)] string QuizId,
    [property: Id(3)] IReadOnlyDictionary<string, IReadOnlyList<string>> Answers,
    [property: Id(4)] Guid? DrawId = null)
{
    /// <summary>The id the attempt was drawn with.</summary>
    public Guid Draw => DrawId ?? AttemptId;
}

/// <summary>The graded attempt: the score, and per question whether it was right, the right answer and the explanation.</summary>
[GenerateSerializer, Immutable]
public sealed record QuizResult(
    [property: Id(0)] Guid AttemptId,
    [property: Id(1)] string CourseSlug,
    [property: Id(2)] string QuizId,
    [property: Id(3)] string QuizVersion,
    [property: Id(4)] int Correct,
    [property: Id(5)] int Total,
    [property: Id(6)] int ScorePercent,
    [property: Id(7)] bool Passed,
    [property: Id(8)] IReadOnlyList<QuestionResult> Questions,
    [property: Id(9)] DateTime SubmittedAt,
    [property: Id(10)] bool CourseCompleted,
    [property: Id(11)] Guid? DrawId = null)
{
    /// <summary>The id the attempt was drawn with (its attempt id for attempts kept before draws).</summary>
    public Guid Draw => DrawId ?? AttemptId;
}

/// <summary>
/// One question of a graded attempt, as the grader gave it: whether it was right, what was chosen and what is right,
/// the feedback of the chosen options and the explanation. The texts are the course's own strings (shared, not copied);
/// an attempt read back from the database has none of them (<see cref="FeedbackHtml"/> empty, <see cref="ExplanationHtml"/> null).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record QuestionResult(
    [property: Id(0)] string QuestionId,
    [property: Id(1)] bool IsCorrect,
    [property: Id(2)] IReadOnlyList<string> Chosen,
    [property: Id(3)] IReadOnlyList<string> RightAnswer,
    [property: Id(4)] IReadOnlyList<string>? FeedbackHtml = null,
    [property: Id(5)] string? ExplanationHtml = null)
{
    /// <summary>What a learner may see before the final quiz is passed: right or wrong, and their own answer.</summary>
    public QuestionResult WithoutAnswers() => this with { RightAnswer = [], FeedbackHtml = [], ExplanationHtml = null };
}

/// <summary>
/// A finished run of a lesson's practice block as the page reports it: <see cref="Steps"/> is, for a simulation, the
/// path taken (choice indices joined by ".", as in its pages' addresses), for a scam drill the answers ("s" Lừa đảo,
/// "a" An toàn, one per message). The server plays them again: what the run came to is never taken from the page.
/// <see cref="RunId"/> is made once per run, so a resend counts once.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PracticeRunSubmission(
    [property: Id(0)] Guid RunId,
    [property: Id(1)] string CourseSlug,
    [property: Id(2)] string PracticeId,
    [property: Id(3)] string Steps);

/// <summary>
/// A recorded run: passed or not, and what went wrong (<see cref="Misses"/>: the trap tapped as "screen-id/choice-index",
/// or the ids of the drill messages sorted wrong). <see cref="Right"/> of <see cref="Total"/>: right taps of a simulation,
/// messages sorted right of a drill. <see cref="LessonCompleted"/> says whether this run finished its lesson.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PracticeRunResult(
    [property: Id(0)] Guid RunId,
    [property: Id(1)] string CourseSlug,
    [property: Id(2)] string PracticeId,
    [property: Id(3)] string PracticeVersion,
    [property: Id(4)] bool Passed,
    [property: Id(5)] int Right,
    [property: Id(6)] int Total,
    [property: Id(7)] IReadOnlyList<string> Misses,
    [property: Id(8)] DateTime FinishedAt,
    [property: Id(9)] bool LessonCompleted = false);

[GenerateSerializer, Immutable]
public sealed record LearnerOverview(
    [property: Id(0)] IReadOnlyList<CourseProgress> Courses,
    [property: Id(1)] string? ContinueCourseSlug,
    [property: Id(2)] string? ContinueLessonSlug,
    [property: Id(3)] int DaysActiveInARow,
    [property: Id(4)] int LessonsThisWeek,
    [property: Id(5)] IReadOnlyList<ReviewSuggestion> Review);

/// <summary>
/// An objective of a quiz due for review (see <see cref="LearnerRules.Reviews"/>): the learner missed it, and it comes
/// back 1, 3, 7 and 14 days later until answered right each time. <see cref="QuestionId"/> is the question last
/// missed on it; <see cref="LessonSlug"/> the lesson whose quiz it is (null for a course's final quiz).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReviewSuggestion(
    [property: Id(0)] string CourseSlug,
    [property: Id(1)] string QuizId,
    [property: Id(2)] string QuestionId,
    [property: Id(3)] string Objective,
    [property: Id(4)] string? LessonSlug,
    [property: Id(5)] DateOnly DueOn,
    [property: Id(6)] int IntervalDays);

/// <summary>
/// A request the learner refuses; nothing was recorded. <see cref="Problem"/> says what was wrong and <see cref="Subject"/>
/// names it (the course, lesson, quiz or question id); pages and the API say it in Vietnamese (<see cref="LearningProblems.Describe"/>).
/// </summary>
[GenerateSerializer]
public sealed class LearningException(LearningProblem problem, string subject, Exception? inner = null)
    : Exception($"{problem}: {subject}", inner)
{
    [Id(0)] public LearningProblem Problem { get; } = problem;
    [Id(1)] public string Subject { get; } = subject;
}

public enum LearningProblem
{
    UnknownCourse,
    UnknownLesson,
    UnknownQuiz,
    MalformedAnswer,
    AttemptIdReused,
    NotAForm,
    MissingAttemptId,

    /// <summary>An answer to a question of the quiz that the attempt's draw did not show.</summary>
    QuestionNotShown,

    /// <summary>A course has no practice or drill of that id.</summary>
    UnknownPractice,

    /// <summary>The steps of a practice run are not a finished run of it (a path that stops midway, answers not one per message).</summary>
    RunNotFinished,

    /// <summary>A run id already recorded for another practice.</summary>
    RunIdReused,
}

public static class LearningProblems
{
    /// <summary>The HTTP status that answers a refused request: a malformed one 400, a clash with an earlier attempt 409, an unknown id 404.</summary>
    public static int StatusCode(this LearningProblem problem) => problem switch
    {
        LearningProblem.MalformedAnswer or LearningProblem.NotAForm or LearningProblem.MissingAttemptId
            or LearningProblem.QuestionNotShown or LearningProblem.RunNotFinished => StatusCodes.Status400BadRequest,
        LearningProblem.AttemptIdReused or LearningProblem.RunIdReused => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status404NotFound,
    };

    /// <summary>The refusal in the learner's words, from the shared resources (key <c>Learning.{Problem}</c>).</summary>
    public static string Describe(this LearningException e, IStringLocalizer text) => text[$"Learning.{e.Problem}", e.Subject];
}
