using Orleans.Concurrency;

namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>
/// The quiz figures of one group's assigned courses that need every answer its members gave: how often each question
/// was answered wrong, the members' average best score, and for each practice block who passed it and which trap
/// (or drill message) caught most members. Keyed by the group id. Reading a large group's answers
/// takes far longer than the rest of its dashboard, so the figures are kept in memory as a snapshot that is at most
/// <see cref="GroupQuizStatsGrain.FreshFor"/> old when it is asked for; the dashboard says when it was computed.
/// </summary>
public interface IGroupQuizStatsGrain : IGrainWithGuidKey
{
    /// <summary>The latest snapshot; computed now when there is none, refreshed in the background when it is old.</summary>
    Task<GroupQuizStats> Get();

    /// <summary>
    /// Drops the snapshot after what the figures are about changed (the members or the assigned courses): the next
    /// <see cref="Get"/> computes them afresh. <see cref="GroupRoster"/> calls it after each such change commits.
    /// </summary>
    Task Forget();
}

[GenerateSerializer, Immutable]
public sealed record GroupQuizStats(
    [property: Id(0)] DateTime ComputedAt,
    [property: Id(1)] double? AverageBestScore,
    [property: Id(2)] IReadOnlyList<QuestionTally> Questions,
    [property: Id(3)] IReadOnlyList<PracticeTally>? Practices = null);

/// <summary>All answers the group's members gave to one question of an assigned course, and how many were wrong.</summary>
[GenerateSerializer, Immutable]
public sealed record QuestionTally(
    [property: Id(0)] string CourseSlug,
    [property: Id(1)] string QuizId,
    [property: Id(2)] string QuestionId,
    [property: Id(3)] int Answers,
    [property: Id(4)] int Wrong);

/// <summary>
/// The runs the group's members made of one practice block of an assigned course: how many members tried it, how many
/// passed it at least once, and the miss most members made (a simulation's trap as "screen/choice", a drill's
/// misjudged message id) with how many members made it; each member counts once however often they ran it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PracticeTally(
    [property: Id(0)] string CourseSlug,
    [property: Id(1)] string PracticeId,
    [property: Id(2)] int Tried,
    [property: Id(3)] int Passed,
    [property: Id(4)] string? TopMiss,
    [property: Id(5)] int TopMissMembers);

// Reentrant so that the dashboard is answered from the old snapshot while a refresh is waiting on the database;
// every turn still runs on the activation's single thread.
[Reentrant]
sealed class GroupQuizStatsGrain(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<GroupQuizStatsGrain> log)
    : Grain, IGroupQuizStatsGrain
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(2);

    GroupQuizStats? _snapshot;
    Task<GroupQuizStats>? _refresh;
    int _generation;

    public async Task<GroupQuizStats> Get()
    {
        if (_snapshot is null)
        {
            return await Refresh();
        }
        if (clock.GetUtcNow().UtcDateTime - _snapshot.ComputedAt >= FreshFor)
        {
            _ = Refresh();
        }
        return _snapshot;
    }

    public Task Forget()
    {
        _snapshot = null;
        _refresh = null;
        _generation++;
        return Task.CompletedTask;
    }

    /// <summary>The refresh under way, or a new one: one at a time.</summary>
    Task<GroupQuizStats> Refresh() => _refresh is { IsCompleted: false } running ? running : _refresh = RefreshAsync();

    async Task<GroupQuizStats> RefreshAsync()
    {
        var generation = _generation;
        try
        {
            var (groupId, now) = (this.GetPrimaryKey(), clock.GetUtcNow().UtcDateTime);
            // On the thread pool: SQLite answers "async" queries synchronously, which would hold up the caller and the activation.
            var stats = await Task.Run(() => ComputeAsync(groupId, now));
            // A snapshot begun before Forget() may describe courses no longer assigned: only the newest counts.
            if (generation == _generation)
            {
                _snapshot = stats;
            }
            return stats;
        }
        catch (Exception e) when (_snapshot is not null)
        {
            log.LogWarning(e, "Refreshing the quiz figures of group {GroupId} failed; the dashboard keeps the snapshot of {ComputedAt:u}", this.GetPrimaryKey(), _snapshot.ComputedAt);
            return _snapshot;
        }
    }

    async Task<GroupQuizStats> ComputeAsync(Guid groupId, DateTime now)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var slugs = db.Assignments.Where(a => a.GroupId == groupId).Select(a => a.CourseSlug);
        var memberIds = db.GroupMembers.Where(m => m.GroupId == groupId).Select(m => m.LearnerId);
        var bestScores = await db.QuizAttempts.Where(a => slugs.Contains(a.CourseSlug) && memberIds.Contains(a.LearnerId))
            .GroupBy(a => new { a.LearnerId, a.CourseSlug, a.QuizId })
            .Select(g => g.Max(a => a.ScorePercent))
            .ToListAsync();
        var questions = await db.QuizAnswers.Where(a => memberIds.Contains(a.LearnerId))
            .Join(db.QuizAttempts.Where(t => slugs.Contains(t.CourseSlug)),
                a => new { a.LearnerId, a.AttemptId }, t => new { t.LearnerId, t.AttemptId },
                (a, t) => new { t.CourseSlug, t.QuizId, a.QuestionId, a.IsCorrect })
            .GroupBy(x => new { x.CourseSlug, x.QuizId, x.QuestionId })
            .Select(g => new QuestionTally(g.Key.CourseSlug, g.Key.QuizId, g.Key.QuestionId, g.Count(), g.Count(x => !x.IsCorrect)))
            .ToListAsync();
        // One row per member and distinct outcome, not per run: a member who tries ten times brings few rows.
        var runs = await db.PracticeRuns.Where(r => slugs.Contains(r.CourseSlug) && memberIds.Contains(r.LearnerId))
            .GroupBy(r => new { r.CourseSlug, r.PracticeId, r.LearnerId, r.Passed, r.Misses })
            .Select(g => g.Key)
            .ToListAsync();
        var practices = runs.GroupBy(r => (r.CourseSlug, r.PracticeId)).Select(g =>
        {
            var top = g.SelectMany(r => LearnerStore.Split(r.Misses).Select(miss => (Miss: miss, r.LearnerId))).Distinct()
                .GroupBy(x => x.Miss, (miss, members) => (Miss: miss, Members: members.Count()))
                .OrderByDescending(x => x.Members).ThenBy(x => x.Miss, StringComparer.Ordinal)
                .FirstOrDefault();
            return new PracticeTally(g.Key.CourseSlug, g.Key.PracticeId, g.Select(r => r.LearnerId).Distinct().Count(),
                g.Where(r => r.Passed).Select(r => r.LearnerId).Distinct().Count(), top.Miss, top.Members);
        }).ToList();
        return new GroupQuizStats(now, bestScores.Count == 0 ? null : bestScores.Average(), questions, practices);
    }
}
