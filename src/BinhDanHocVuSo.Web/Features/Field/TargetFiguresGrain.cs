using Orleans.Concurrency;

namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// The kept figures of one target (keyed by the target's id): its whole tree counted by <see cref="FieldProgress.CountAsync"/>,
/// shared by every request and every silo. Counting a province of a million learners takes far longer than a page may,
/// so a read gets the kept figures; when they are older than <see cref="FieldOptions.FiguresMaxAge"/> the read starts a
/// recount in the background and still gets the kept ones. Only the first read of a target waits for a count.
/// </summary>
public interface ITargetFiguresGrain : IGrainWithGuidKey
{
    /// <summary>The province (one line per commune); null when the target no longer exists.</summary>
    Task<FiguresView?> Province();

    /// <summary>A commune (one line per village); null when the commune is not in the target's tree.</summary>
    Task<FiguresView?> Commune(string commune);

    /// <summary>A team of <paramref name="commune"/> covering <paramref name="villages"/>, from the kept commune tree.</summary>
    Task<FiguresView?> Team(string commune, string key, string name, IReadOnlyList<string> villages);
}

// Reentrant so that reads are answered from the kept figures while a recount waits on the database; every turn still
// runs on the activation's single thread.
[Reentrant]
sealed class TargetFiguresGrain(IServiceScopeFactory scopes, TimeProvider clock, IOptions<FieldOptions> options, ILogger<TargetFiguresGrain> log)
    : Grain, ITargetFiguresGrain
{
    TargetFigures? _kept;
    Task<TargetFigures?>? _recount;

    public async Task<FiguresView?> Province() => (await FiguresAsync())?.Province();

    public async Task<FiguresView?> Commune(string commune) => (await FiguresAsync())?.Commune(commune);

    public async Task<FiguresView?> Team(string commune, string key, string name, IReadOnlyList<string> villages) =>
        (await FiguresAsync())?.Team(commune, key, name, villages);

    async Task<TargetFigures?> FiguresAsync()
    {
        var maxAge = options.Value.FiguresMaxAge;
        if (_kept is null || maxAge <= TimeSpan.Zero)
        {
            return await Recount();
        }
        if (clock.GetUtcNow().UtcDateTime - _kept.CountedAt >= maxAge)
        {
            _ = Recount();
        }
        return _kept;
    }

    /// <summary>The recount under way, or a new one: one at a time.</summary>
    Task<TargetFigures?> Recount() => _recount is { IsCompleted: false } running ? running : _recount = RecountAsync();

    async Task<TargetFigures?> RecountAsync()
    {
        try
        {
            var id = this.GetPrimaryKey();
            // On the thread pool: SQLite answers "async" queries synchronously, which would hold up the activation.
            var figures = await Task.Run(async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var progress = scope.ServiceProvider.GetRequiredService<FieldProgress>();
                return await progress.FindAsync(id) is { } target ? await progress.CountAsync(target) : null;
            });
            _kept = figures;
            return figures;
        }
        catch (Exception e) when (_kept is not null)
        {
            log.LogWarning(e, "Recounting the figures of target {TargetId} failed; the pages keep those of {CountedAt:u}", this.GetPrimaryKey(), _kept.CountedAt);
            return _kept;
        }
    }
}
