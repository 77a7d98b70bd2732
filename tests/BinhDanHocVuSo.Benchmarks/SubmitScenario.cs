using Microsoft.Data.Sqlite;
using Npgsql;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>
/// <c>submit</c>: many guest learners submit lesson quiz attempts with unique attempt ids (<see cref="QuizSubmissions"/>).
/// Every 200 is an acknowledged, durably recorded attempt; after the run the platform is stopped and the database must
/// hold every acknowledged id.
/// </summary>
public static class SubmitScenario
{
    const string Name = "submit";

    public static async Task<bool> RunAsync(BenchOptions options, Cleanup cleanup, CancellationToken cancel)
    {
        var figures = new Figures(Name, options.Database);
        try
        {
            var (platform, tempDir, postgres) = await Start.PlatformAsync(Name, options, cleanup, cancel);
            figures.Add("cold_start_ms", platform.ColdStart.TotalMilliseconds, "ms");
            using var http = LoadLoop.Client(platform.Address, options.Concurrency);
            var submissions = await QuizSubmissions.LoadAsync(options, _ => http, cancel);
            Console.Error.WriteLine($"submit: {submissions.Quizzes} lesson quizzes, {options.Learners} learners, {options.Concurrency} workers, " +
                $"{options.Seconds} s on {options.Database}; the load generator runs on the same {Environment.ProcessorCount} cores as the server");

            // Learners are created by their first submission: untimed here, or during the measured run with --lazy-learners.
            var warmupLearners = 0L;
            if (!options.LazyLearners)
            {
                Console.Error.WriteLine($"warm-up (untimed): creating {options.Learners} guest learners, one first submission each…");
                var warmup = await submissions.CreateLearnersAsync(cancel);
                warmupLearners = submissions.KnownLearners;
                Console.Error.WriteLine($"warm-up: {warmupLearners} learners created in {warmup.Elapsed.TotalSeconds:F1} s ({warmup.Rate:F0}/s, p99 {warmup.Percentile(99):F1} ms, {warmup.Errors} errors)");
                if (warmupLearners < options.Learners)
                {
                    throw new BenchException($"only {warmupLearners} of {options.Learners} learners could be created");
                }
            }
            else
            {
                Console.Error.WriteLine("learners are created lazily: each learner's first submission is part of the measured run");
            }
            await SteadyWarmup.RunAsync(options, submissions.SubmitAsync, cancel);
            figures.Add("learners", options.Learners, "count");
            figures.Add("warmup_learners", warmupLearners, "count");
            var warmupAcknowledged = submissions.Acknowledged;

            var (load, before, after) = await submissions.MeasureAsync(() => CpuSample.Take(platform), figures, cancel);
            figures.Add("server_threads", platform.Threads(), "count");
            Console.Error.WriteLine($"submit: {load.Count} acknowledged in {load.Elapsed.TotalSeconds:F1} s = {load.Rate:F0}/s, p50 {load.Percentile(50):F1} ms, p99 {load.Percentile(99):F1} ms, {load.Errors} errors; " +
                $"CPU: server {(after.Server - before.Server).TotalSeconds / (after.At - before.At).TotalSeconds:F2} cores of {(after.MachineBusy - before.MachineBusy).TotalSeconds / (after.At - before.At).TotalSeconds:F2} busy");

            // Durability: stop the platform as an operator would, then look for every acknowledged attempt id in the database.
            Console.Error.WriteLine("stopping the platform and counting QuizAttempts rows…");
            await platform.StopAsync();
            var stored = postgres is null
                ? await StoredAttemptsSqliteAsync(Path.Combine(tempDir, "bench.db"), cancel)
                : await StoredAttemptsPostgresAsync(postgres, cancel);
            return submissions.AllStored(stored, load, figures, $"{warmupAcknowledged} in warm-up + {load.Count} measured");
        }
        finally
        {
            await cleanup.RunAsync();
        }
    }

    static async Task<HashSet<Guid>> StoredAttemptsSqliteAsync(string file, CancellationToken cancel)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "AttemptId" FROM "QuizAttempts" """;
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }
        return ids;
    }

    internal static async Task<HashSet<Guid>> StoredAttemptsPostgresAsync(string connectionString, CancellationToken cancel)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancel);
        await using var command = new NpgsqlCommand("""SELECT "AttemptId" FROM "QuizAttempts" """, connection);
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }
}

/// <summary>Starting the platform on a fresh database, shared by the scenarios.</summary>
public static class Start
{
    public static async Task<(Platform Platform, string TempDir, string? Postgres)> PlatformAsync(string scenario, BenchOptions options, Cleanup cleanup, CancellationToken cancel)
    {
        var (silos, tempDir, postgres) = await SilosAsync(scenario, options, cleanup, cancel);
        if (silos.Count > 1)
        {
            throw new BenchException($"{scenario} runs on one process; --silos {silos.Count} is for memory, lesson and cluster");
        }
        return (silos[0], tempDir, postgres);
    }

    /// <summary>
    /// <c>--silos</c> web host processes (1 unless asked) on a fresh database: SQLite in a temp folder, or one PostgreSQL
    /// (a throw-away one unless a connection is given). Several silos form one Orleans cluster through PostgreSQL
    /// (AdoNet clustering, their own ports, one cluster id).
    /// </summary>
    public static async Task<(List<Platform> Silos, string TempDir, string? Postgres)> SilosAsync(string scenario, BenchOptions options, Cleanup cleanup,
        CancellationToken cancel, IReadOnlyDictionary<string, string>? settings = null)
    {
        var tempDir = Directory.CreateTempSubdirectory($"bdhvs-bench-{scenario}.").FullName;
        if (options.Keep)
        {
            Console.Error.WriteLine($"keeping {tempDir}");
        }
        else
        {
            cleanup.Add("delete the temp folder", () => Directory.Delete(tempDir, recursive: true));
        }
        var postgres = options.PostgresConnection
            ?? (options.UsesPostgres ? await ThrowAwayPostgres.StartAsync(cleanup, cancel) : null);
        var clusterId = $"bench-{Guid.NewGuid():N}"[..20];
        var silos = new List<Platform>();
        for (var s = 0; s < options.Silos; s++)
        {
            var environment = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
            if (options.Silos > 1)
            {
                environment["Database__Provider"] = "Postgres";
                environment["Orleans__ClusterId"] = clusterId;
            }
            Console.Error.WriteLine($"starting {(options.Silos > 1 ? $"silo {s + 1} of {options.Silos} (cluster {clusterId})" : "the platform")} ({options.WebHost}) on " +
                $"{(postgres is null ? $"SQLite in {tempDir}" : "PostgreSQL")}…");
            var silo = await Platform.StartAsync(options, tempDir, postgres, cleanup, cancel, environment, options.Silos > 1 ? $"web-{s + 1}.log" : "web.log");
            Console.Error.WriteLine($"{(options.Silos > 1 ? $"silo {s + 1}" : "platform")} ready at {silo.Address} after {silo.ColdStart.TotalMilliseconds:F0} ms");
            silos.Add(silo);
        }
        return (silos, tempDir, postgres);
    }
}
