namespace BinhDanHocVuSo.Web.Data.Versioned;

/// <summary>
/// A write was based on a version of a grain's stored state that has moved on (another activation wrote meanwhile):
/// nothing of it was written. <see cref="StaleRetry"/> reloads and runs the action once more.
/// </summary>
public sealed class StaleStateException(string table, object key, long basedOnVersion, Exception? inner = null)
    : Exception($"{table} {key} changed since version {basedOnVersion}.", inner)
{
    public string Table { get; } = table;

    public object Key { get; } = key;

    public long BasedOnVersion { get; } = basedOnVersion;
}
