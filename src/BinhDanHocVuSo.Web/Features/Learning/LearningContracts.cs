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
    [property: Id(7)] string? LastOpenedLessonSlug)
{
    public int PercentDone => LessonCount == 0 ? 0 : (int)Math.Round(100.0 * CompletedLessons.Count / LessonCount);
}

/// <summary>Best score and number of attempts of one quiz, and the quiz version of the best attempt.</summary>
[GenerateSerializer, Immutable]
public sealed record QuizStanding(
    [property: Id(0)] int BestScorePercent,
    [property: Id(1)] int Attempts,
    [property: Id(2)] string BestVersion);

[GenerateSerializer, Immutable]
public sealed record QuizSubmission(
    [property: Id(0)] Guid AttemptId,
    [property: Id(1)] string CourseSlug,
    [property: Id(2)] string QuizId,
    [property: Id(3)] IReadOnlyDictionary<string, IReadOnlyList<string>> Answers);

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
    [property: Id(10)] bool CourseCompleted);

[GenerateSerializer, Immutable]
public sealed record QuestionResult(
    [property: Id(0)] string QuestionId,
    [property: Id(1)] bool IsCorrect,
    [property: Id(2)] IReadOnlyList<string> Chosen,
    [property: Id(3)] IReadOnlyList<string> RightAnswer);

[GenerateSerializer, Immutable]
public sealed record LearnerOverview(
    [property: Id(0)] IReadOnlyList<CourseProgress> Courses,
    [property: Id(1)] string? ContinueCourseSlug,
    [property: Id(2)] string? ContinueLessonSlug,
    [property: Id(3)] int DaysActiveInARow,
    [property: Id(4)] int LessonsThisWeek,
    [property: Id(5)] IReadOnlyList<ReviewSuggestion> Review);

/// <summary>A question the learner got wrong in their latest attempt of a quiz: worth reading again.</summary>
[GenerateSerializer, Immutable]
public sealed record ReviewSuggestion(
    [property: Id(0)] string CourseSlug,
    [property: Id(1)] string QuizId,
    [property: Id(2)] string QuestionId);

/// <summary>A request the learner grain refuses; nothing was recorded. <see cref="Problem"/> says what was wrong.</summary>
[GenerateSerializer]
public sealed class LearningException(LearningProblem problem, string message) : Exception(message)
{
    [Id(0)] public LearningProblem Problem { get; } = problem;
}

public enum LearningProblem
{
    UnknownCourse,
    UnknownLesson,
    UnknownQuiz,
    MalformedAnswer,
    AttemptIdReused,
}

public static class LearningProblems
{
    /// <summary>The HTTP status that answers a refused request: a malformed one 400, a clash with an earlier attempt 409, an unknown id 404.</summary>
    public static int StatusCode(this LearningProblem problem) => problem switch
    {
        LearningProblem.MalformedAnswer => StatusCodes.Status400BadRequest,
        LearningProblem.AttemptIdReused => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status404NotFound,
    };
}
