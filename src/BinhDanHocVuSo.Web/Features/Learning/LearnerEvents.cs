namespace BinhDanHocVuSo.Web.Features.Learning;

/// <summary>A fact about a learner that <see cref="LearnerRules"/> decided and the store keeps.</summary>
public abstract record LearnerEvent;

public sealed record CourseStarted(string CourseSlug, DateTime At) : LearnerEvent;

/// <summary>The learner opened a lesson: kept as the course's "continue here".</summary>
public sealed record LessonOpened(string CourseSlug, string LessonSlug, DateTime At) : LearnerEvent;

public sealed record LessonCompleted(string CourseSlug, string LessonSlug, string LessonVersion, DateTime At) : LearnerEvent;

/// <summary>A graded attempt, as it is kept (see <see cref="QuizResult"/>).</summary>
public sealed record QuizAttempted(QuizResult Result) : LearnerEvent;

/// <summary>A finished run of a practice block, as it is kept (see <see cref="PracticeRunResult"/>).</summary>
public sealed record PracticeRan(PracticeRunResult Run) : LearnerEvent;

public sealed record CourseCompleted(string CourseSlug, DateTime At) : LearnerEvent;

/// <summary>A Vietnamese calendar day on which the learner did something: the source of "days in a row".</summary>
public sealed record DayActive(DateOnly Day) : LearnerEvent;

/// <summary>What one learner action decided: the next state and the events that lead to it (none: nothing changed).</summary>
public sealed record LearnerDecision(LearnerState State, ImmutableList<LearnerEvent> Events)
{
    public static LearnerDecision Unchanged(LearnerState state) => new(state, []);

    public bool Changed => !Events.IsEmpty;
}
