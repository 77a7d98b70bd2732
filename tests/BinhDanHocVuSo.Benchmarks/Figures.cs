using System.Text.Json;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>Writes figures to stdout, one JSON object per line: scenario, metric, value, unit (and the database).</summary>
public sealed class Figures(string scenario, string database)
{
    static readonly Lock Out = new();
    static readonly List<Figure> Written = [];

    /// <summary>Every figure written so far by this run (for the results table of an <c>all</c> run).</summary>
    public static IReadOnlyList<Figure> All
    {
        get
        {
            lock (Out)
            {
                return [.. Written];
            }
        }
    }

    public void Add(string metric, double value, string unit)
    {
        var figure = new Figure(scenario, metric, Math.Round(value, 3), unit, database);
        var line = JsonSerializer.Serialize(figure, FigureJson.Default.Figure);
        lock (Out)
        {
            Written.Add(figure);
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }

    /// <summary>rate, p50_ms, p99_ms (and p90_ms, max_ms) of a measured phase.</summary>
    public void AddLoad(LoadResult load)
    {
        Add("rate", load.Rate, "ops/s");
        Add("p50_ms", load.Percentile(50), "ms");
        Add("p90_ms", load.Percentile(90), "ms");
        Add("p99_ms", load.Percentile(99), "ms");
        Add("max_ms", load.Percentile(100), "ms");
        Add("errors", load.Errors, "count");
    }

    /// <summary>How the two cores were shared while measuring: the web host, and everything on the machine.</summary>
    public void AddCpu(CpuSample before, CpuSample after)
    {
        var seconds = (after.At - before.At).TotalSeconds;
        Add("server_cpu_cores", (after.Server - before.Server).TotalSeconds / seconds, "cores");
        var machine = (after.MachineBusy - before.MachineBusy).TotalSeconds / seconds;
        var server = (after.Server - before.Server).TotalSeconds / seconds;
        var client = (after.Client - before.Client).TotalSeconds / seconds;
        Add("machine_cpu_cores", machine, "cores");
        Add("client_cpu_cores", client, "cores");
        // Everything else busy on the machine meanwhile: PostgreSQL, the kernel's share not charged to a process, other work.
        Add("other_cpu_cores", Math.Max(0, machine - server - client), "cores");
        Add("cores", Environment.ProcessorCount, "count");
    }
}

public sealed record Figure(string Scenario, string Metric, double Value, string Unit, string Database);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(Figure))]
sealed partial class FigureJson : System.Text.Json.Serialization.JsonSerializerContext;

/// <summary>CPU time of the web host, of the load generator, and busy time of the whole machine (all cores) at one moment, from /proc.</summary>
public sealed record CpuSample(DateTime At, TimeSpan Server, TimeSpan Client, TimeSpan MachineBusy)
{
    const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <param name="externalClient">CPU time of a load generator in another process (wrk), added to the harness's own.</param>
    public static CpuSample Take(Platform platform, TimeSpan externalClient = default) => Take([platform], externalClient);

    /// <summary>The same, with the CPU time of every silo of a cluster counted as the server's.</summary>
    public static CpuSample Take(IReadOnlyList<Platform> silos, TimeSpan externalClient = default)
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var server = silos.Aggregate(TimeSpan.Zero, (sum, silo) => sum + silo.CpuTime());
        return new(DateTime.UtcNow, server, self.TotalProcessorTime + externalClient, MachineBusyTime());
    }

    static TimeSpan MachineBusyTime()
    {
        try
        {
            // cpu  user nice system idle iowait irq softirq steal …
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(long.Parse).ToArray();
            var total = fields.Take(8).Sum();
            var idle = fields[3] + fields[4];
            return TimeSpan.FromSeconds((total - idle) / TicksPerSecond);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }
}
