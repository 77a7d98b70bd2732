namespace BinhDanHocVuSo.Web.Data.Versioned;

/// <summary>
/// One write of a grain's versioned state: the row that carries the version, the version the grain's copy is based on
/// (0: the state is new), and the other rows of the same action. <see cref="VersionedWriteQueue"/> commits it whole, only
/// while the stored version is still the one based on.
/// </summary>
public abstract class VersionedWrite(long basedOnVersion)
{
    public long BasedOnVersion { get; } = basedOnVersion;

    internal TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal abstract Task<bool> MoveVersionAsync(RowWriter writer);

    internal abstract Task WriteRowsAsync(RowWriter writer);

    internal abstract StaleStateException Stale(RowWriter writer);
}

/// <param name="versionRow">The row that carries the version, as it is inserted when the state is new; only its key and version are used otherwise.</param>
/// <param name="basedOnVersion">The stored version the grain's copy was read at.</param>
/// <param name="writeRows">Writes the action's other rows, in the same transaction, once the version has moved on.</param>
public sealed class VersionedWrite<TRow>(TRow versionRow, long basedOnVersion, Func<RowWriter, Task> writeRows) : VersionedWrite(basedOnVersion)
    where TRow : class
{
    internal override Task<bool> MoveVersionAsync(RowWriter writer) => writer.MoveVersionAsync(versionRow, BasedOnVersion);

    internal override Task WriteRowsAsync(RowWriter writer) => writeRows(writer);

    internal override StaleStateException Stale(RowWriter writer)
    {
        var (table, key) = writer.Describe(versionRow);
        return new StaleStateException(table, key, BasedOnVersion);
    }
}
