using System.Diagnostics;
using System.Net;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>What one operation reported: acknowledged (latency recorded) or an error (with a short reason).</summary>
public readonly record struct Outcome(bool Ok, string? Error = null)
{
    public static readonly Outcome Success = new(true);
    public static Outcome Failed(string error) => new(false, error);
}

/// <summary>The measured phase: acknowledged operations, their latencies, errors, elapsed time.</summary>
public sealed class LoadResult(long count, long errors, TimeSpan elapsed, long[] sortedLatencyTicks)
{
    public long Count => count;
    public long Errors => errors;
    public TimeSpan Elapsed => elapsed;
    public double Rate => count / elapsed.TotalSeconds;

    /// <summary>CPU time used by a load generator in another process (wrk), last seen just before it exited.</summary>
    public TimeSpan ExternalClientCpu { get; init; }

    /// <summary>Nearest-rank percentile of the acknowledged operations' latency, in milliseconds.</summary>
    public double Percentile(double p)
    {
        if (sortedLatencyTicks.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(p / 100 * sortedLatencyTicks.Length);
        var ticks = sortedLatencyTicks[Math.Clamp(rank - 1, 0, sortedLatencyTicks.Length - 1)];
        return ticks * 1000.0 / Stopwatch.Frequency;
    }

    /// <summary>
    /// Runs measured side by side (one per silo): counts and errors add up, and each percentile is the worst of the
    /// parts, which never flatters the combined figure.
    /// </summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }
        var elapsed = parts.Max(p => p.Elapsed);
        return FromMeasured(parts.Sum(p => p.Count), parts.Sum(p => p.Errors), elapsed, parts.Max(p => p.Percentile(50)), parts.Max(p => p.Percentile(90)),
            parts.Max(p => p.Percentile(99)), parts.Max(p => p.Percentile(100)), parts.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.ExternalClientCpu));
    }

    public static LoadResult FromMeasured(long count, long errors, TimeSpan elapsed, double p50Ms, double p90Ms, double p99Ms, double maxMs, TimeSpan clientCpu)
    {
        // wrk reports percentiles, not samples: keep them as a tiny distribution with the same ranks.
        long T(double ms) => (long)(ms * Stopwatch.Frequency / 1000);
        var samples = new long[100];
        for (var i = 0; i < 100; i++)
        {
            samples[i] = i < 50 ? T(p50Ms) : i < 90 ? T(p90Ms) : i < 99 ? T(p99Ms) : T(maxMs);
        }
        return new LoadResult(count, errors, elapsed, samples) { ExternalClientCpu = clientCpu };
    }
}

/// <summary>
/// Runs an operation from <c>concurrency</c> workers until the time is up or <c>maxOps</c> were issued (both
/// bounds always apply), timing each acknowledged operation from just before sending to the end of its body.
/// </summary>
public static class LoadLoop
{
    public delegate Task<Outcome> Operation(int worker, long sequence, CancellationToken cancel);

    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan duration, long maxOps, Operation operation, CancellationToken cancel)
    {
        long issued = 0;
        long errors = 0;
        var firstErrors = new List<string>();
        var latencies = new List<long>[concurrency];
        var started = Stopwatch.StartNew();
        using var timeUp = CancellationTokenSource.CreateLinkedTokenSource(cancel);

        async Task Worker(int worker)
        {
            var mine = latencies[worker] = new List<long>(4096);
            long sequence = 0;
            while (started.Elapsed < duration && !cancel.IsCancellationRequested && Interlocked.Increment(ref issued) <= maxOps)
            {
                var t0 = Stopwatch.GetTimestamp();
                Outcome outcome;
                try
                {
                    outcome = await operation(worker, sequence++, cancel);
                }
                catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancel.IsCancellationRequested))
                {
                    outcome = Outcome.Failed(e.GetBaseException().Message);
                }
                if (outcome.Ok)
                {
                    mine.Add(Stopwatch.GetTimestamp() - t0);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                    lock (firstErrors)
                    {
                        if (firstErrors.Count < 5)
                        {
                            firstErrors.Add(outcome.Error ?? "error");
                        }
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(() => Worker(w), CancellationToken.None)));
        var elapsed = started.Elapsed;
        cancel.ThrowIfCancellationRequested();
        foreach (var error in firstErrors)
        {
            Console.Error.WriteLine($"  error: {error}");
        }
        var all = latencies.Where(l => l is not null).SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(all.Length, errors, elapsed, all);
    }

    /// <summary>A client for loopback load: no cookie container (cookies are sent per learner), no decompression, many connections.</summary>
    public static HttpClient Client(Uri address, int connections) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseProxy = false,
    })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
    };
}

public static class SteadyWarmup
{
    /// <summary>
    /// The measured submission load, untimed, for <c>--warmup-seconds</c>: until the runtime has finished re-compiling the
    /// hot code (tiered JIT), which otherwise takes a third of the host's CPU in the first seconds. Worker w serves
    /// learners w, w+C, w+2C… as in the measured run; turns are numbered apart from it so quizzes differ.
    /// </summary>
    public static async Task RunAsync(BenchOptions options, Func<int, int, long, CancellationToken, Task<Outcome>> submit, CancellationToken cancel)
    {
        if (options.WarmupSeconds <= 0)
        {
            return;
        }
        Console.Error.WriteLine($"warm-up (untimed): the measured load for {options.WarmupSeconds} s…");
        var steady = await LoadLoop.RunAsync(options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), options.MaxOps,
            (worker, turn, token) => submit(worker, (int)((worker + turn * options.Concurrency) % options.Learners), turn + 1_000_000, token), cancel);
        Console.Error.WriteLine($"warm-up: {steady.Rate:F0}/s, p99 {steady.Percentile(99):F1} ms, {steady.Errors} errors");
    }
}

/// <summary>Disposes a list of clients at the end of a <c>using</c>.</summary>
public sealed class Disposables(IEnumerable<IDisposable> items) : IDisposable
{
    public void Dispose()
    {
        foreach (var item in items)
        {
            item.Dispose();
        }
    }
}
