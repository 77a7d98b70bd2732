namespace BinhDanHocVuSo.Web.Features.Learning;

/// <summary>The rows one learner action adds or changes; <see cref="LearnerStore"/> writes them in one transaction.</summary>
public sealed class LearnerChanges
{
    readonly List<CourseEnrolmentRow> _enrolments = [];

    /// <summary>Enrolments to insert or replace: one per course, the last one set.</summary>
    public IReadOnlyList<CourseEnrolmentRow> Enrolments => _enrolments;
    public List<LessonCompletionRow> LessonCompletions { get; } = [];
    public List<QuizAttemptRow> Attempts { get; } = [];
    public List<QuizAnswerRow> Answers { get; } = [];
    public List<LearnerDayRow> Days { get; } = [];
    public List<PracticeRunRow> PracticeRuns { get; } = [];

    // The same action may first start a course and then complete it: the later row replaces the earlier one.
    public void SetEnrolment(CourseEnrolmentRow row)
    {
        _enrolments.RemoveAll(e => e.LearnerId == row.LearnerId && e.CourseSlug == row.CourseSlug);
        _enrolments.Add(row);
    }

    /// <summary>Writes the rows: enrolments replace the learner's row of the course, everything else is new.</summary>
    internal async Task WriteAsync(RowWriter writer)
    {
        foreach (var enrolment in _enrolments)
        {
            await writer.UpsertAsync(enrolment);
        }
        foreach (var lesson in LessonCompletions)
        {
            await writer.InsertAsync(lesson);
        }
        foreach (var attempt in Attempts)
        {
            await writer.InsertAsync(attempt);
        }
        foreach (var answer in Answers)
        {
            await writer.InsertAsync(answer);
        }
        foreach (var day in Days)
        {
            await writer.InsertAsync(day);
        }
        foreach (var run in PracticeRuns)
        {
            await writer.InsertAsync(run);
        }
    }
}
