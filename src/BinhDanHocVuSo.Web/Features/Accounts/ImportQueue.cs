using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Localization;

namespace BinhDanHocVuSo.Web.Features.Accounts;

public enum ImportState
{
    Waiting,
    Running,
    Done,
    Failed,
}

/// <summary>
/// One validated import, from its queueing to its login cards. The one-time passwords live only here, in this
/// process's memory, for the trainer who started it and for <see cref="ImportQueue.KeptFor"/> after it ends.
/// </summary>
public sealed class ImportJob(Guid trainerId, IReadOnlyList<AccountImport.Row> rows)
{
    volatile int _created;
    volatile ImportState _state = ImportState.Waiting;
    IReadOnlyList<string> _errors = [];
    IReadOnlyList<AccountImport.CreatedAccount> _cards = [];

    public Guid Id { get; } = Guid.NewGuid();
    public Guid TrainerId { get; } = trainerId;
    public int Total { get; } = rows.Count;
    public IReadOnlyList<AccountImport.Row> Rows { get; private set; } = rows;
    public DateTimeOffset? EndedAt { get; private set; }

    public ImportState State => _state;
    public int Created => _created;
    public IReadOnlyList<string> Errors => _errors;
    public IReadOnlyList<AccountImport.CreatedAccount> Cards => _cards;
    public bool Ended => _state is ImportState.Done or ImportState.Failed;

    public void Start() => _state = ImportState.Running;

    public void Progress(int created) => _created = created;

    public void Complete(IReadOnlyList<AccountImport.CreatedAccount> cards, DateTimeOffset now)
    {
        _cards = cards;
        End(now, ImportState.Done);
    }

    public void Fail(IReadOnlyList<string> errors, DateTimeOffset now)
    {
        _errors = errors;
        _created = 0;
        End(now, ImportState.Failed);
    }

    void End(DateTimeOffset now, ImportState state)
    {
        Rows = [];
        EndedAt = now;
        _state = state; // written last: a reader that sees the end state sees the cards or errors
    }
}

/// <summary>
/// Runs validated imports in the background, one at a time in this process, so that an import never competes
/// with another for the database's writer and the trainer follows its progress at <c>/trainer/import/{id}</c>.
/// A trainer has at most one unfinished import; at most <see cref="MaxUnfinished"/> wait in all.
/// </summary>
public sealed class ImportQueue(IServiceScopeFactory scopes, TimeProvider clock, IStringLocalizer<AccountText> text,
    ILogger<ImportQueue> log) : BackgroundService
{
    public const int MaxUnfinished = 20;

    /// <summary>How long login cards stay to be printed after an import ends; then the passwords are forgotten.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(2);

    public enum Refusal
    {
        None,
        AlreadyRunning,
        Busy,
    }

    readonly Channel<ImportJob> _queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });
    readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    readonly Lock _enqueueing = new();

    public Refusal TryEnqueue(ImportJob job)
    {
        Forget();
        lock (_enqueueing)
        {
            var unfinished = _jobs.Values.Where(j => !j.Ended).ToList();
            if (unfinished.Any(j => j.TrainerId == job.TrainerId))
            {
                return Refusal.AlreadyRunning;
            }
            if (unfinished.Count >= MaxUnfinished)
            {
                return Refusal.Busy;
            }
            _jobs[job.Id] = job;
            _queue.Writer.TryWrite(job);
            return Refusal.None;
        }
    }

    /// <summary>The import with this id, when it was started by this trainer and is still kept.</summary>
    public ImportJob? Find(Guid id, Guid trainerId)
    {
        Forget();
        return _jobs.TryGetValue(id, out var job) && job.TrainerId == trainerId ? job : null;
    }

    void Forget()
    {
        var now = clock.GetUtcNow();
        foreach (var job in _jobs.Values.Where(j => j.EndedAt + KeptFor <= now))
        {
            _jobs.TryRemove(job.Id, out _);
        }
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
        job.Start();
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AccountImport>().WriteAsync(job, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            log.LogError(e, "Import {ImportId} of {Rows} rows failed", job.Id, job.Total);
            job.Fail([text["ImportFailed"]], clock.GetUtcNow());
        }
    }
}
