namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// Lets the same repeated failure through once per interval, with how many of its repeats were held back since, so
/// that a full disk under load costs one log line every half minute instead of one per request.
/// </summary>
public sealed class LogThrottle(TimeProvider clock, TimeSpan interval)
{
    readonly Lock _lock = new();
    readonly Dictionary<string, (DateTimeOffset Logged, int Suppressed)> _failures = [];

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// True when a failure of this kind should be logged now; <paramref name="suppressed"/> is then the number of
    /// times it was held back since it was last logged. False (and counted) while the interval has not passed.
    /// </summary>
    public bool ShouldLog(string kind, out int suppressed)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_failures.TryGetValue(kind, out var last) && now - last.Logged < interval)
            {
                _failures[kind] = (last.Logged, last.Suppressed + 1);
                suppressed = 0;
                return false;
            }
            suppressed = last.Suppressed;
            _failures[kind] = (now, 0);
            return true;
        }
    }
}
