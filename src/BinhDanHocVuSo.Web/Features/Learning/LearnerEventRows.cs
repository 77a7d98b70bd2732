namespace BinhDanHocVuSo.Web.Features.Learning;

/// <summary>The rows that keep a learner's events, in the ordinary tables that group reports read.</summary>
public static class LearnerEventRows
{
    /// <summary>
    /// The rows of <paramref name="events"/>, decided on the way to <paramref name="state"/>: a course's enrolment row is
    /// written once, as it stands in that state (started, completed, where to continue).
    /// </summary>
    public static LearnerChanges ToRows(Guid learnerId, LearnerState state, IEnumerable<LearnerEvent> events)
    {
        var changes = new LearnerChanges();
        foreach (var e in events)
        {
            switch (e)
            {
                case CourseStarted started:
                    Enrol(changes, learnerId, state, started.CourseSlug, started.At);
                    break;
                case LessonOpened opened:
                    Enrol(changes, learnerId, state, opened.CourseSlug, opened.At);
                    break;
                case CourseCompleted completed:
                    Enrol(changes, learnerId, state, completed.CourseSlug, completed.At);
                    break;
                case LessonCompleted done:
                    changes.LessonCompletions.Add(new LessonCompletionRow
                    {
                        LearnerId = learnerId, CourseSlug = done.CourseSlug, LessonSlug = done.LessonSlug,
                        LessonVersion = done.LessonVersion, CompletedAt = done.At,
                    });
                    break;
                case QuizAttempted attempted:
                    changes.Attempts.Add(AttemptRow(learnerId, attempted.Result));
                    changes.Answers.AddRange(LearnerStore.AnswerRows(learnerId, attempted.Result));
                    break;
                case PracticeRan ran:
                    changes.PracticeRuns.Add(RunRow(learnerId, ran.Run));
                    break;
                case DayActive active:
                    changes.Days.Add(new LearnerDayRow { LearnerId = learnerId, Day = active.Day });
                    break;
            }
        }
        return changes;
    }

    static void Enrol(LearnerChanges changes, Guid learnerId, LearnerState state, string courseSlug, DateTime at)
    {
        var course = state.Courses[courseSlug];
        var earlier = changes.Enrolments.FirstOrDefault(e => e.CourseSlug == courseSlug)?.LastOpenedAt;
        changes.SetEnrolment(new CourseEnrolmentRow
        {
            LearnerId = learnerId, CourseSlug = courseSlug, StartedAt = course.StartedAt, CompletedAt = course.CompletedAt,
            LastLessonSlug = course.LastLessonSlug, LastOpenedAt = earlier > at ? earlier : at,
        });
    }

    static PracticeRunRow RunRow(Guid learnerId, PracticeRunResult run) => new()
    {
        LearnerId = learnerId, RunId = run.RunId, CourseSlug = run.CourseSlug, PracticeId = run.PracticeId,
        PracticeVersion = run.PracticeVersion, FinishedAt = run.FinishedAt, Passed = run.Passed, Right = run.Right, Total = run.Total,
        LessonCompleted = run.LessonCompleted,
        Misses = LearnerStore.JoinTruncated(run.Misses),
    };

    static QuizAttemptRow AttemptRow(Guid learnerId, QuizResult result) => new()
    {
        LearnerId = learnerId, AttemptId = result.AttemptId, CourseSlug = result.CourseSlug, QuizId = result.QuizId,
        QuizVersion = result.QuizVersion, SubmittedAt = result.SubmittedAt, Correct = result.Correct, Total = result.Total,
        ScorePercent = result.ScorePercent, Passed = result.Passed, CourseCompleted = result.CourseCompleted,
        DrawId = result.DrawId,
    };
}
