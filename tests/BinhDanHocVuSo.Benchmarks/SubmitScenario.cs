using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>
/// <c>submit</c>: many guest learners (one cookie jar each) submit lesson quiz attempts with unique attempt ids
/// through <c>POST /api/courses/{course}/quizzes/{quiz}/attempts</c>. Every 200 is an acknowledged, durably
/// recorded attempt; after the run the platform is stopped and the database must hold every acknowledged id.
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
            var catalogue = await Catalogue.LoadAsync(http, withQuizzes: true, cancel);
            if (catalogue.Quizzes.Count == 0)
            {
                throw new BenchException("no lesson page has a quiz form");
            }
            Console.Error.WriteLine($"submit: {catalogue.Quizzes.Count} lesson quizzes, {options.Learners} learners, {options.Concurrency} workers, " +
                $"{options.Seconds} s on {options.Database}; the load generator runs on the same {Environment.ProcessorCount} cores as the server");

            var learners = new Learners(options.Learners);
            var acknowledged = new List<Guid>[options.Concurrency];
            for (var i = 0; i < acknowledged.Length; i++)
            {
                acknowledged[i] = new List<Guid>(1024);
            }

            // One submission: a fresh attempt id, a quiz picked by learner and turn, the learner's own cookie.
            async Task<Outcome> Submit(int worker, int learner, long turn, CancellationToken token)
            {
                var quiz = catalogue.Quizzes[(int)((learner + turn) % catalogue.Quizzes.Count)];
                var attemptId = Guid.NewGuid();
                using var request = new HttpRequestMessage(HttpMethod.Post, quiz.AttemptsPath)
                {
                    Content = new StringContent($$"""{"attemptId":"{{attemptId}}","answers":{{quiz.AnswersJson}}}""", Encoding.UTF8, "application/json"),
                };
                var cookie = learners.Cookie(learner);
                if (cookie is not null)
                {
                    request.Headers.Add("Cookie", cookie);
                }
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return Outcome.Failed($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
                }
                if (cookie is null)
                {
                    learners.Remember(learner, response);
                }
                acknowledged[worker].Add(attemptId);
                return Outcome.Success;
            }

            // Learners are created by their first submission: untimed here, or during the measured run with --lazy-learners.
            var warmupLearners = 0L;
            if (!options.LazyLearners)
            {
                Console.Error.WriteLine($"warm-up (untimed): creating {options.Learners} guest learners, one first submission each…");
                long next = -1;
                var warmup = await LoadLoop.RunAsync(Math.Min(options.Concurrency, options.Learners), TimeSpan.FromMinutes(15), options.Learners,
                    (worker, _, token) => Submit(worker, (int)Interlocked.Increment(ref next), 0, token), cancel);
                warmupLearners = learners.Known;
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
            await SteadyWarmup.RunAsync(options, Submit, cancel);
            figures.Add("learners", options.Learners, "count");
            figures.Add("warmup_learners", warmupLearners, "count");
            var warmupAcknowledged = acknowledged.Sum(a => a.Count);

            Console.Error.WriteLine($"measuring for {options.Seconds} s…");
            var before = CpuSample.Take(platform);
            // Worker w serves learners w, w+C, w+2C…: two workers never hold the same learner at once (when learners ≥ workers).
            var load = await LoadLoop.RunAsync(options.Concurrency, TimeSpan.FromSeconds(options.Seconds), options.MaxOps,
                (worker, turn, token) => Submit(worker, (int)((worker + turn * options.Concurrency) % options.Learners), turn, token), cancel);
            var after = CpuSample.Take(platform);
            figures.AddLoad(load);
            figures.AddCpu(before, after);
            figures.Add("server_threads", platform.Threads(), "count");
            figures.Add("acknowledged", load.Count, "count");
            Console.Error.WriteLine($"submit: {load.Count} acknowledged in {load.Elapsed.TotalSeconds:F1} s = {load.Rate:F0}/s, p50 {load.Percentile(50):F1} ms, p99 {load.Percentile(99):F1} ms, {load.Errors} errors; " +
                $"CPU: server {(after.Server - before.Server).TotalSeconds / (after.At - before.At).TotalSeconds:F2} cores of {(after.MachineBusy - before.MachineBusy).TotalSeconds / (after.At - before.At).TotalSeconds:F2} busy");

            // Durability: stop the platform as an operator would, then look for every acknowledged attempt id in the database.
            Console.Error.WriteLine("stopping the platform and counting QuizAttempts rows…");
            await platform.StopAsync();
            var stored = postgres is null
                ? await StoredAttemptsSqliteAsync(Path.Combine(tempDir, "bench.db"), cancel)
                : await StoredAttemptsPostgresAsync(postgres, cancel);
            var all = acknowledged.SelectMany(a => a).ToList();
            var lost = all.Count(id => !stored.Contains(id));
            figures.Add("acknowledged_total", all.Count, "count");
            figures.Add("stored_attempts", stored.Count, "count");
            figures.Add("lost_acknowledged", lost, "count");
            Console.Error.WriteLine($"durability: {all.Count} acknowledged ({warmupAcknowledged} in warm-up + {load.Count} measured), {stored.Count} rows in QuizAttempts, {lost} acknowledged attempts missing");
            if (load.Count == 0)
            {
                throw new BenchException("no submission was acknowledged");
            }
            return lost == 0;
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

    /// <summary>One cookie jar per learner: the <c>bdhvs.guest</c> cookie the platform set on the learner's first POST.</summary>
    sealed class Learners(int count)
    {
        readonly string?[] _cookies = new string?[count];
        long _known;

        public long Known => Interlocked.Read(ref _known);

        public string? Cookie(int learner) => Volatile.Read(ref _cookies[learner]);

        public void Remember(int learner, HttpResponseMessage response)
        {
            if (!response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                return;
            }
            foreach (var value in values)
            {
                if (value.StartsWith("bdhvs.guest=", StringComparison.Ordinal))
                {
                    var pair = value.Split(';', 2)[0];
                    if (Interlocked.CompareExchange(ref _cookies[learner], pair, null) is null)
                    {
                        Interlocked.Increment(ref _known);
                    }
                }
            }
        }
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
