using System.Collections.Immutable;
using System.Threading.Channels;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Hosting;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BinhDanHocVuSo.Web.Features.Learning;

/// <summary>
/// Reads and writes a learner's history in ordinary tables (the same path on SQLite and PostgreSQL), so that
/// group reports are plain SQL. Every write is one transaction that also moves the learner's row version on,
/// and only from the version the grain last saw: a stale copy can never overwrite newer history.
/// </summary>
public sealed class LearnerStore(IDbContextFactory<AppDbContext> contexts, DatabaseSettings settings, TimeProvider clock) : IAsyncDisposable
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
        var days = await db.LearnerDays.AsNoTracking().Where(d => d.LearnerId == learnerId).Select(d => d.Day).ToListAsync(cancellationToken);

        var lessonsByCourse = lessons.ToLookup(l => l.CourseSlug);
        var courses = enrolments.ToImmutableDictionary(
            e => e.CourseSlug,
            e => new CourseState(e.StartedAt, e.CompletedAt, e.LastLessonSlug,
                lessonsByCourse[e.CourseSlug].ToImmutableDictionary(l => l.LessonSlug, l => new LessonDone(l.LessonVersion, l.CompletedAt))));
        var results = attempts.ToImmutableDictionary(a => a.AttemptId, a => ToResult(a, answers[a.AttemptId]));
        return new LearnerState(learner.Version, courses, results, [.. days]);
    }

    /// <summary>
    /// Applies <paramref name="change"/> on top of <paramref name="basedOnVersion"/> and returns the new version once
    /// it is committed. Throws <see cref="StaleLearnerStateException"/> when the stored history has moved on.
    /// </summary>
    /// <remarks>
    /// Writes from all learners are queued and committed together in one transaction (group commit). When one write
    /// of a batch breaks a constraint, the batch is written again one write per savepoint, so that one refused write
    /// never affects another. One commit, one disk sync, for many acknowledgements: SQLite has a single writer, and
    /// waiting for its lock one transaction at a time is what limited throughput.
    /// </remarks>
    public Task<long> SaveAsync(Guid learnerId, long basedOnVersion, LearnerChanges change)
    {
        var write = new PendingWrite(learnerId, basedOnVersion, change);
        EnsureWriters();
        return _queue.Writer.TryWrite(write) ? write.Done.Task : Task.FromException<long>(new ObjectDisposedException(nameof(LearnerStore)));
    }

    sealed record PendingWrite(Guid LearnerId, long BasedOnVersion, LearnerChanges Change)
    {
        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    const int MaxBatch = 256;
    readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleWriter = false });
    readonly Lock _start = new();
    Task[]? _writers;

    void EnsureWriters()
    {
        if (_writers is not null)
        {
            return;
        }
        lock (_start)
        {
            // SQLite allows one writer at a time; PostgreSQL gains from a few connections writing in parallel.
            _writers ??= [.. Enumerable.Range(0, settings.Provider == DatabaseProvider.Sqlite ? 1 : 4).Select(_ => Task.Run(WriteLoopAsync))];
        }
    }

    async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }
            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    async Task WriteBatchAsync(List<PendingWrite> batch)
    {
        try
        {
            await WriteTogetherAsync(batch);
        }
        catch (DbException)
        {
            // One write of the batch broke a constraint: nothing was committed. Write them one by one, each in its
            // own savepoint, so that only the faulty one is refused.
            await WriteOneByOneAsync(batch);
        }
        catch (Exception e)
        {
            FailAll(batch, e);
        }
    }

    /// <summary>
    /// The fast path: one version check and the rows of each write, one commit for all.
    /// A stale write changes nothing (its version check matched no row) and is simply left out.
    /// </summary>
    async Task WriteTogetherAsync(List<PendingWrite> batch)
    {
        var outcomes = new (long Version, Exception? Error)[batch.Count];
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using (var writer = Writer(db))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    if (await writer.MoveVersionAsync(batch[i].LearnerId, batch[i].BasedOnVersion))
                    {
                        await writer.WriteAsync(batch[i].Change);
                        outcomes[i] = (batch[i].BasedOnVersion + 1, null);
                    }
                    else
                    {
                        outcomes[i] = (0, new StaleLearnerStateException(batch[i].LearnerId, batch[i].BasedOnVersion));
                    }
                }
            }
            await transaction.CommitAsync();
        }
        Complete(batch, outcomes);
    }

    async Task WriteOneByOneAsync(List<PendingWrite> batch)
    {
        var outcomes = new (long Version, Exception? Error)[batch.Count];
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using (var writer = Writer(db))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    await transaction.CreateSavepointAsync("write");
                    try
                    {
                        if (!await writer.MoveVersionAsync(batch[i].LearnerId, batch[i].BasedOnVersion))
                        {
                            throw new StaleLearnerStateException(batch[i].LearnerId, batch[i].BasedOnVersion);
                        }
                        await writer.WriteAsync(batch[i].Change);
                        await transaction.ReleaseSavepointAsync("write");
                        outcomes[i] = (batch[i].BasedOnVersion + 1, null);
                    }
                    catch (Exception e) when (e is StaleLearnerStateException or DbException)
                    {
                        await transaction.RollbackToSavepointAsync("write");
                        outcomes[i] = (0, e);
                    }
                }
            }
            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            FailAll(batch, e);
            return;
        }
        Complete(batch, outcomes);
    }

    LearnerRowWriter Writer(AppDbContext db) => new(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(),
        settings.Provider == DatabaseProvider.Sqlite, clock.GetUtcNow().UtcDateTime);

    static void Complete(List<PendingWrite> batch, (long Version, Exception? Error)[] outcomes)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Error is { } error)
            {
                batch[i].Done.TrySetException(error);
            }
            else
            {
                batch[i].Done.TrySetResult(outcomes[i].Version);
            }
        }
    }

    // Nothing of this batch is durable: every caller hears so, and none is acknowledged.
    static void FailAll(List<PendingWrite> batch, Exception e)
    {
        foreach (var write in batch)
        {
            write.Done.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writers is { } writers)
        {
            await Task.WhenAll(writers);
        }
    }

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
            DateTime.SpecifyKind(attempt.SubmittedAt, DateTimeKind.Utc), attempt.CourseCompleted);

    static string[] Split(string joined) => joined.Length == 0 ? [] : joined.Split(Separator);

    static string Truncate(string value) => value.Length <= Limits.Answer ? value : value[..Limits.Answer];
}

/// <summary>The stored history moved on since this copy was read; the grain reloads and tries once more.</summary>
public sealed class StaleLearnerStateException(Guid learnerId, long version, Exception? inner = null)
    : Exception($"Learner {learnerId} changed since version {version}.", inner);
