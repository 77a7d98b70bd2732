using System.Threading.Channels;

namespace BinhDanHocVuSo.Web.Features.Accounts;

public enum ImportState
{
    Waiting,
    Running,
    Done,
    Failed,
}

/// <summary>A login card to print: the one-time password is shown once, to the trainer who imported.</summary>
[GenerateSerializer, Immutable]
public sealed record LoginCard(
    [property: Id(0)] string FullName,
    [property: Id(1)] string Phone,
    [property: Id(2)] string TemporaryPassword,
    [property: Id(3)] string? Group);

/// <summary>Where an import stands, as its trainer's status page shows it.</summary>
[GenerateSerializer, Immutable]
public sealed record ImportStatus(
    [property: Id(0)] Guid TrainerId,
    [property: Id(1)] ImportState State,
    [property: Id(2)] int Created,
    [property: Id(3)] int Total,
    [property: Id(4)] IReadOnlyList<string> Errors,
    [property: Id(5)] IReadOnlyList<LoginCard> Cards,
    [property: Id(6)] DateTimeOffset? EndedAt)
{
    public bool Ended => State is ImportState.Done or ImportState.Failed;
}

/// <summary>
/// The status of one import, keyed by its id, in memory only (never stored): any silo's status page reads it, whichever
/// silo runs the import. It holds the login cards for <see cref="ImportStatusGrain.KeptFor"/> after the import ends,
/// for the trainer who started it, and then forgets them.
/// </summary>
public interface IImportStatusGrain : IGrainWithGuidKey
{
    Task Publish(ImportStatus status);

    /// <summary>The status, when this trainer started the import and its cards are still kept; otherwise null.</summary>
    Task<ImportStatus?> Read(Guid trainerId);
}

sealed class ImportStatusGrain(TimeProvider clock) : Grain, IImportStatusGrain
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(2);

    ImportStatus? _status;

    public Task Publish(ImportStatus status)
    {
        _status = status;
        if (status.Ended)
        {
            DelayDeactivation(KeptFor);
        }
        return Task.CompletedTask;
    }

    public Task<ImportStatus?> Read(Guid trainerId)
    {
        if (_status is { EndedAt: { } ended } && ended + KeptFor <= clock.GetUtcNow())
        {
            _status = null;
            DeactivateOnIdle();
        }
        return Task.FromResult(_status is { } status && status.TrainerId == trainerId ? status : null);
    }
}

/// <summary>One validated import on its way through <see cref="ImportQueue"/>; every change of state is published to its status grain.</summary>
public sealed class ImportJob(Guid trainerId, IReadOnlyList<AccountImport.Row> rows, IGrainFactory grains, TimeProvider clock)
{
    public Guid Id { get; } = Guid.NewGuid();
    public Guid TrainerId { get; } = trainerId;
    public int Total { get; } = rows.Count;
    public IReadOnlyList<AccountImport.Row> Rows { get; private set; } = rows;
    public bool Ended { get; private set; }

    IImportStatusGrain Status => grains.GetGrain<IImportStatusGrain>(Id);

    public Task WaitingAsync() => Publish(ImportState.Waiting, 0, [], []);

    public Task ProgressAsync(int created) => Publish(ImportState.Running, created, [], []);

    public Task CompleteAsync(IReadOnlyList<LoginCard> cards) => End(ImportState.Done, cards.Count, [], cards);

    public Task FailAsync(IReadOnlyList<string> errors) => End(ImportState.Failed, 0, errors, []);

    Task End(ImportState state, int created, IReadOnlyList<string> errors, IReadOnlyList<LoginCard> cards)
    {
        Ended = true;
        Rows = [];
        return Publish(state, created, errors, cards);
    }

    Task Publish(ImportState state, int created, IReadOnlyList<string> errors, IReadOnlyList<LoginCard> cards) =>
        Status.Publish(new ImportStatus(TrainerId, state, created, Total, errors, cards, state is ImportState.Done or ImportState.Failed ? clock.GetUtcNow() : null));
}

/// <summary>
/// Runs validated imports in the background, one at a time in this process, so that an import never competes with
/// another for the database's writer; the trainer follows its progress at <c>/trainer/import/{id}</c>. A trainer has at
/// most one unfinished import on this silo; at most <see cref="MaxUnfinished"/> wait in all.
/// </summary>
public sealed class ImportQueue(IServiceScopeFactory scopes, IGrainFactory grains, TimeProvider clock, IStringLocalizer<AccountText> text,
    ILogger<ImportQueue> log) : BackgroundService
{
    public const int MaxUnfinished = 20;

    public enum Refusal
    {
        None,
        AlreadyRunning,
        Busy,
    }

    readonly Channel<ImportJob> _queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });
    readonly List<ImportJob> _unfinished = [];

    /// <summary>Queues the rows as a new import, or says why not; <paramref name="job"/> is its status page's id.</summary>
    public async Task<(Refusal Refusal, ImportJob? Job)> EnqueueAsync(Guid trainerId, IReadOnlyList<AccountImport.Row> rows)
    {
        var job = new ImportJob(trainerId, rows, grains, clock);
        lock (_unfinished)
        {
            _unfinished.RemoveAll(j => j.Ended);
            if (_unfinished.Any(j => j.TrainerId == trainerId))
            {
                return (Refusal.AlreadyRunning, null);
            }
            if (_unfinished.Count >= MaxUnfinished)
            {
                return (Refusal.Busy, null);
            }
            _unfinished.Add(job);
        }
        await job.WaitingAsync();
        _queue.Writer.TryWrite(job);
        return (Refusal.None, job);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await RunAsync(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the import under way has undone its rows; waiting ones are dropped with this process.
        }
    }

    async Task RunAsync(ImportJob job, CancellationToken stoppingToken)
    {
        try
        {
            await job.ProgressAsync(0);
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AccountImport>().WriteAsync(job, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            log.LogError(e, "Import {ImportId} of {Rows} rows failed", job.Id, job.Total);
            try
            {
                await job.FailAsync([text["ImportFailed"]]);
            }
            catch (Exception publishing) when (publishing is not OperationCanceledException)
            {
                // The status page then says the import is unknown; the queue goes on with the next one.
                log.LogError(publishing, "The failure of import {ImportId} could not be published", job.Id);
            }
        }
    }
}
