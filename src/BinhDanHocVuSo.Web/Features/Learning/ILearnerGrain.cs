namespace BinhDanHocVuSo.Web.Features.Learning;

/// <summary>
/// One learner (an account or a guest), keyed by the learner's id: the one place that decides what the
/// learner has done. Each method is one thing the learner does; a method returns only after its effect
/// is in the database.
/// </summary>
public interface ILearnerGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Notes in memory that the learner opened a lesson, so that "Tiếp tục học" brings them back to it. Nothing is
    /// written: opening a page is a GET, and a GET never writes. The note is kept with the learner's next action
    /// (an answer, a lesson marked done); lost on a restart before that, it costs only the pointer to the last page read.
    /// Awaited, so that what the learner opens next reads it, but it never waits on the database: it runs between the
    /// steps of a write in progress instead of after it. Answers where the learner stands in the lesson's course.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<LessonStanding> NoteLessonOpened(string courseSlug, string lessonSlug);

    /// <summary>Marks a lesson done (again is harmless).</summary>
    Task<CourseProgress> CompleteLesson(string courseSlug, string lessonSlug);

    /// <summary>
    /// Grades an attempt on the server. The same attempt id sent again for the same quiz returns the first result and
    /// records nothing; sent for another quiz it is refused (<see cref="LearningProblem.AttemptIdReused"/>). The right
    /// answers of a course's final quiz are shown only in an attempt that passed.
    /// </summary>
    Task<QuizResult> SubmitQuiz(QuizSubmission submission);

    /// <summary>
    /// Records a finished run of a practice block (a simulation or a scam drill), played again on the server from its
    /// steps. The same run id sent again for the same practice returns the first result and records nothing; sent for
    /// another practice it is refused (<see cref="LearningProblem.RunIdReused"/>).
    /// </summary>
    Task<PracticeRunResult> RecordPractice(PracticeRunSubmission submission);

    Task<CourseProgress> GetCourseProgress(string courseSlug);

    /// <summary>
    /// Takes over what the person did as a guest on this phone before signing in: lessons, attempts and days
    /// this learner does not have yet. Doing it again adds nothing.
    /// </summary>
    Task AdoptGuestHistory(Guid guestLearnerId);

    /// <summary>
    /// Drops the history held in memory and deactivates: called after the history was moved to another id
    /// (a deleted account), so that no stale copy stays on whichever silo holds this learner.
    /// </summary>
    Task Forget();

    /// <summary>Progress in every course the learner started, where to continue, and how regularly they learn.</summary>
    Task<LearnerOverview> GetOverview();
}
