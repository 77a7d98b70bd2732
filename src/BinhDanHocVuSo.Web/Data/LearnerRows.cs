namespace BinhDanHocVuSo.Web.Data;

/// <summary>
/// One learner (account or guest). <see cref="Version"/> is the optimistic-concurrency token of the
/// learner's whole history: every write by the learner grain moves it on by one, and a write based on a
/// stale copy is refused.
/// </summary>
public sealed class LearnerRow
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class CourseEnrolmentRow
{
    public Guid LearnerId { get; set; }
    public required string CourseSlug { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? LastLessonSlug { get; set; }
    public DateTime? LastOpenedAt { get; set; }
}

public sealed class LessonCompletionRow
{
    public Guid LearnerId { get; set; }
    public required string CourseSlug { get; set; }
    public required string LessonSlug { get; set; }
    public required string LessonVersion { get; set; }
    public DateTime CompletedAt { get; set; }
}

public sealed class QuizAttemptRow
{
    public Guid LearnerId { get; set; }
    public Guid AttemptId { get; set; }
    public required string CourseSlug { get; set; }
    public required string QuizId { get; set; }
    public required string QuizVersion { get; set; }
    public DateTime SubmittedAt { get; set; }
    public int Correct { get; set; }
    public int Total { get; set; }
    public int ScorePercent { get; set; }
    public bool Passed { get; set; }
    public bool CourseCompleted { get; set; }

    /// <summary>The id that keyed the attempt's draw; null for attempts kept before draws (their draw id is their attempt id).</summary>
    public Guid? DrawId { get; set; }
}

/// <summary>One question of one attempt: what the learner chose and whether it was right.</summary>
public sealed class QuizAnswerRow
{
    public Guid LearnerId { get; set; }
    public Guid AttemptId { get; set; }
    public required string QuestionId { get; set; }
    public required string Answer { get; set; }
    public required string RightAnswer { get; set; }
    public bool IsCorrect { get; set; }
}

/// <summary>
/// One finished run of a lesson's practice block (a simulation or a scam drill), kept once per run id.
/// <see cref="Misses"/> names what went wrong: the trap tapped ("screen-id/choice-index") or the drill messages sorted wrong.
/// </summary>
public sealed class PracticeRunRow
{
    public Guid LearnerId { get; set; }
    public Guid RunId { get; set; }
    public required string CourseSlug { get; set; }
    public required string PracticeId { get; set; }
    public required string PracticeVersion { get; set; }
    public DateTime FinishedAt { get; set; }
    public bool LessonCompleted { get; set; }
    public bool Passed { get; set; }
    public int Right { get; set; }
    public int Total { get; set; }
    public required string Misses { get; set; }
}

/// <summary>A day (Vietnam time) on which the learner did something: the source of "days active in a row".</summary>
public sealed class LearnerDayRow
{
    public Guid LearnerId { get; set; }
    public DateOnly Day { get; set; }
}

/// <summary>
/// A certificate of completion. Its random id is what the printed QR code carries; the public verification page
/// shows only the name, the course and the date, or only that it was withdrawn.
/// </summary>
public sealed class CertificateRow
{
    public Guid Id { get; set; }
    public Guid LearnerId { get; set; }
    public required string CourseSlug { get; set; }
    public required string FullName { get; set; }
    public DateTime CompletedAt { get; set; }

    /// <summary>When the holder deleted their account: the name is erased and the public check says "withdrawn".</summary>
    public DateTime? WithdrawnAt { get; set; }
}

/// <summary>A secret of the server (e.g. the quiz draw key), encrypted with ASP.NET Core Data Protection, base64.</summary>
public sealed class ServerSecretRow
{
    public required string Name { get; set; }
    public required string Value { get; set; }
}
