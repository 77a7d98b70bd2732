namespace BinhDanHocVuSo.Web.Features.Learning;

/// <summary>
/// Reads and writes a learner's history in ordinary tables (the same path on SQLite and PostgreSQL), so that
/// group reports are plain SQL. Every write is one transaction that also moves the learner's row version on,
/// and only from the version the grain last saw: a stale copy can never overwrite newer history.
/// </summary>
public sealed class LearnerStore(IDbContextFactory<AppDbContext> contexts, VersionedWriteQueue writes, TimeProvider clock)
{
    const char Separator = '|';

    public async Task<LearnerState> LoadAsync(Guid learnerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var learner = await db.Learners.AsNoTracking().FirstOrDefaultAsync(l => l.Id == learnerId, cancellationToken);
        if (learner is null)
        {
            return LearnerState.New;
        }

        var enrolments = await db.CourseEnrolments.AsNoTracking().Where(e => e.LearnerId == learnerId).ToListAsync(cancellationToken);
        var lessons = await db.LessonCompletions.AsNoTracking().Where(l => l.LearnerId == learnerId).ToListAsync(cancellationToken);
        var attempts = await db.QuizAttempts.AsNoTracking().Where(a => a.LearnerId == learnerId).ToListAsync(cancellationToken);
        var answers = (await db.QuizAnswers.AsNoTracking().Where(a => a.LearnerId == learnerId).ToListAsync(cancellationToken))
            .ToLookup(a => a.AttemptId);
        var runs = await db.PracticeRuns.AsNoTracking().Where(r => r.LearnerId == learnerId).ToListAsync(cancellationToken);
        var days = await db.LearnerDays.AsNoTracking().Where(d => d.LearnerId == learnerId).Select(d => d.Day).ToListAsync(cancellationToken);

        var lessonsByCourse = lessons.ToLookup(l => l.CourseSlug);
        var courses = enrolments.ToImmutableDictionary(
            e => e.CourseSlug,
            e => new CourseState(e.StartedAt, e.CompletedAt, e.LastLessonSlug,
                lessonsByCourse[e.CourseSlug].ToImmutableDictionary(l => l.LessonSlug, l => new LessonDone(l.LessonVersion, l.CompletedAt))));
        var results = attempts.ToImmutableDictionary(a => a.AttemptId, a => ToResult(a, answers[a.AttemptId]));
        return new LearnerState(learner.Version, courses, results, [.. days])
        {
            Runs = runs.ToImmutableDictionary(r => r.RunId, r => new PracticeRunResult(r.RunId, r.CourseSlug, r.PracticeId, r.PracticeVersion,
                r.Passed, r.Right, r.Total, Split(r.Misses), DateTime.SpecifyKind(r.FinishedAt, DateTimeKind.Utc), r.LessonCompleted)),
        };
    }

    /// <summary>
    /// Applies <paramref name="change"/> on top of <paramref name="basedOnVersion"/> and returns the new version once
    /// it is committed (group-committed with other grains' writes by <see cref="VersionedWriteQueue"/>). Throws
    /// <see cref="StaleStateException"/> when the stored history has moved on.
    /// </summary>
    public Task<long> SaveAsync(Guid learnerId, long basedOnVersion, LearnerChanges change) =>
        writes.SaveAsync(new VersionedWrite<LearnerRow>(
            new LearnerRow { Id = learnerId, CreatedAt = clock.GetUtcNow().UtcDateTime }, basedOnVersion, change.WriteAsync));

    public static IEnumerable<QuizAnswerRow> AnswerRows(Guid learnerId, QuizResult result) =>
        result.Questions.Select(q => new QuizAnswerRow
        {
            LearnerId = learnerId,
            AttemptId = result.AttemptId,
            QuestionId = q.QuestionId,
            Answer = Truncate(string.Join(Separator, q.Chosen)),
            RightAnswer = Truncate(string.Join(Separator, q.RightAnswer)),
            IsCorrect = q.IsCorrect,
        });

    static QuizResult ToResult(QuizAttemptRow attempt, IEnumerable<QuizAnswerRow> answers) =>
        new(attempt.AttemptId, attempt.CourseSlug, attempt.QuizId, attempt.QuizVersion, attempt.Correct, attempt.Total,
            attempt.ScorePercent, attempt.Passed,
            [.. answers.Select(a => new QuestionResult(a.QuestionId, a.IsCorrect, Split(a.Answer), Split(a.RightAnswer)))],
            DateTime.SpecifyKind(attempt.SubmittedAt, DateTimeKind.Utc), attempt.CourseCompleted, attempt.DrawId);

    /// <summary>A list of ids as one column (cut at <see cref="Limits.Answer"/> characters).</summary>
    public static string JoinTruncated(IEnumerable<string> values) => Truncate(string.Join(Separator, values));

    static string[] Split(string joined) => joined.Length == 0 ? [] : joined.Split(Separator);

    static string Truncate(string value) => value.Length <= Limits.Answer ? value : value[..Limits.Answer];
}
