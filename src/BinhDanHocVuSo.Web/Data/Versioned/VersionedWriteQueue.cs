using System.Threading.Channels;

namespace BinhDanHocVuSo.Web.Data.Versioned;

/// <summary>
/// Commits the versioned writes of every grain (learners and survey responses) with group commit: writes are queued and
/// committed together, one transaction per batch, each only if its version check passes (<see cref="RowWriter.MoveVersionAsync{TRow}"/>).
/// One commit, one disk sync, for many acknowledgements; SQLite has a single writer, so one loop writes there and no
/// write of this process waits on another's lock; PostgreSQL gains from a few connections writing in parallel.
/// </summary>
/// <remarks>
/// When one write of a batch breaks a constraint, nothing of the batch is committed, and the batch is written again one
/// write per savepoint, so that one refused write never affects another. A stale write is left out and its caller hears
/// <see cref="StaleStateException"/>; a failed batch fails each of its callers, and none is acknowledged.
/// </remarks>
public sealed class VersionedWriteQueue(IDbContextFactory<AppDbContext> contexts, DatabaseSettings settings) : IAsyncDisposable
{
    const int MaxBatch = 256;
    const string Savepoint = "versioned_write";

    readonly Channel<VersionedWrite> _queue = Channel.CreateUnbounded<VersionedWrite>(new UnboundedChannelOptions { SingleWriter = false });
    readonly Lock _start = new();
    Task[]? _writers;

    /// <summary>Commits <paramref name="write"/> and returns the new version; throws <see cref="StaleStateException"/> when the stored version moved on.</summary>
    public Task<long> SaveAsync(VersionedWrite write)
    {
        EnsureWriters();
        return _queue.Writer.TryWrite(write) ? write.Done.Task : Task.FromException<long>(new ObjectDisposedException(nameof(VersionedWriteQueue)));
    }

    void EnsureWriters()
    {
        if (_writers is not null)
        {
            return;
        }
        lock (_start)
        {
            _writers ??= [.. Enumerable.Range(0, settings.Provider == DatabaseProvider.Sqlite ? 1 : 4).Select(_ => Task.Run(WriteLoopAsync))];
        }
    }

    async Task WriteLoopAsync()
    {
        var batch = new List<VersionedWrite>(MaxBatch);
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

    async Task WriteBatchAsync(List<VersionedWrite> batch)
    {
        try
        {
            await WriteTogetherAsync(batch);
        }
        catch (DbException)
        {
            await WriteOneByOneAsync(batch);
        }
        catch (Exception e)
        {
            FailAll(batch, e);
        }
    }

    async Task WriteTogetherAsync(List<VersionedWrite> batch)
    {
        var outcomes = new Exception?[batch.Count];
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using (var writer = new RowWriter(db))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    if (await batch[i].MoveVersionAsync(writer))
                    {
                        await batch[i].WriteRowsAsync(writer);
                    }
                    else
                    {
                        outcomes[i] = batch[i].Stale(writer);
                    }
                }
            }
            await transaction.CommitAsync();
        }
        Complete(batch, outcomes);
    }

    async Task WriteOneByOneAsync(List<VersionedWrite> batch)
    {
        var outcomes = new Exception?[batch.Count];
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using (var writer = new RowWriter(db))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    await transaction.CreateSavepointAsync(Savepoint);
                    try
                    {
                        if (!await batch[i].MoveVersionAsync(writer))
                        {
                            throw batch[i].Stale(writer);
                        }
                        await batch[i].WriteRowsAsync(writer);
                        await transaction.ReleaseSavepointAsync(Savepoint);
                    }
                    catch (Exception e) when (e is StaleStateException or DbException)
                    {
                        await transaction.RollbackToSavepointAsync(Savepoint);
                        outcomes[i] = e;
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

    static void Complete(List<VersionedWrite> batch, Exception?[] outcomes)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is { } error)
            {
                batch[i].Done.TrySetException(error);
            }
            else
            {
                batch[i].Done.TrySetResult(batch[i].BasedOnVersion + 1);
            }
        }
    }

    static void FailAll(List<VersionedWrite> batch, Exception e)
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
}
