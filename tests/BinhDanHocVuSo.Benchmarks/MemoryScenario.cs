using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>
/// <c>memory</c>: the resident memory of a web host process idle and with 1,000 learners active, and how much memory
/// 10,000 active learner grains take. Resident memory (<c>VmRSS</c> of <c>/proc/PID/status</c>, read by the harness
/// without touching the process) is sampled once the platform is ready and again after 1,000 new guest learners each
/// submitted one quiz attempt. The silos run with <c>Orleans:Diagnostics</c>, whose <c>GET /_diagnostics/memory</c>
/// reports the managed heap after a full collection and the active learner grains: then 10,000 more new guest
/// learners each submit one quiz attempt (their grain then holds one result), spread over the silos; the heap growth
/// divided by the new activations is the per-grain figure.
/// </summary>
public static class MemoryScenario
{
    const string Name = "memory";
    const int Learners = 10_000;
    const int ActiveLearners = 1_000;

    /// <summary>How long the platform is left alone after it is ready, before its idle resident memory is read.</summary>
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public static async Task<bool> RunAsync(BenchOptions options, Cleanup cleanup, CancellationToken cancel)
    {
        var figures = new Figures(Name, options.Database);
        try
        {
            var (silos, _, _) = await Start.SilosAsync(Name, options, cleanup, cancel, new Dictionary<string, string> { ["Orleans__Diagnostics"] = "true" });
            figures.Add("cold_start_ms", silos.Max(s => s.ColdStart.TotalMilliseconds), "ms");
            await Task.Delay(Settle, cancel);
            var idle = silos.Select(Resident.Of).ToList();
            Console.Error.WriteLine($"memory: idle after start: {Resident.Describe(idle)}");
            Console.Error.WriteLine($"memory: where, MiB: {Resident.Breakdown(silos[0], options.WebHost)}");
            var clients = silos.Select(s => LoadLoop.Client(s.Address, options.Concurrency)).ToList();
            using var disposeClients = new Disposables(clients);
            var catalogue = await Catalogue.LoadAsync(clients[0], withQuizzes: true, cancel);
            async Task<Outcome> NewLearner(int worker, long turn, CancellationToken token)
            {
                var quiz = catalogue.Quizzes[(int)(turn % catalogue.Quizzes.Count)];
                using var request = new HttpRequestMessage(HttpMethod.Post, quiz.AttemptsPath)
                {
                    Content = new StringContent($$"""{"attemptId":"{{Guid.NewGuid()}}","answers":{{quiz.AnswersJson}}}""", Encoding.UTF8, "application/json"),
                };
                // No cookie: every request is a new guest learner, whose grain the cluster places on some silo.
                using var response = await clients[(int)(turn % clients.Count)].SendAsync(request, token);
                return response.StatusCode == HttpStatusCode.OK ? Outcome.Success : Outcome.Failed($"{(int)response.StatusCode}");
            }

            long turns = -1;
            Task<LoadResult> Create(int count) => LoadLoop.RunAsync(Math.Min(options.Concurrency, 64), TimeSpan.FromMinutes(15), count,
                (worker, _, token) => NewLearner(worker, Interlocked.Increment(ref turns), token), cancel);

            Console.Error.WriteLine($"memory: {ActiveLearners} guest learners answer once on {silos.Count} silo(s)…");
            var warm = await Create(ActiveLearners);
            await Task.Delay(Settle, cancel);
            var active = silos.Select(Resident.Of).ToList();
            Console.Error.WriteLine($"memory: with {ActiveLearners} learners active: {Resident.Describe(active)}");
            Console.Error.WriteLine($"memory: where, MiB: {Resident.Breakdown(silos[0], options.WebHost)}");
            var before = await SampleAsync(clients, cancel);
            Console.Error.WriteLine($"before: {before.LearnerGrains} learner grains, {before.ManagedBytes / 1e6:F1} MB managed, {before.CommittedBytes / 1e6:F1} MB committed by the GC, {before.WorkingSetBytes / 1e6:F1} MB working set");
            var created = await Create(Learners);
            var after = await SampleAsync(clients, cancel);
            Console.Error.WriteLine($"after {created.Count} new learners ({created.Errors} errors): {after.LearnerGrains} learner grains, " +
                $"{after.ManagedBytes / 1e6:F1} MB managed, {after.WorkingSetBytes / 1e6:F1} MB working set");
            if (warm.Errors + created.Errors > 0)
            {
                throw new BenchException($"{warm.Errors + created.Errors} submissions failed while creating learners");
            }
            var activated = after.LearnerGrains - before.LearnerGrains;
            if (activated < Learners * 0.99)
            {
                throw new BenchException($"only {activated} of {Learners} new learner grains are active: the figure would mean nothing");
            }
            var perGrain = (double)(after.ManagedBytes - before.ManagedBytes) / activated;
            // Per process (the largest silo): what one server has to hold.
            figures.Add("rss_idle_mb", idle.Max(r => r.RssKb) / 1024.0, "MiB");
            figures.Add("rss_1000_learners_mb", active.Max(r => r.RssKb) / 1024.0, "MiB");
            figures.Add("rss_1000_learners_anon_mb", active.Max(r => r.AnonymousKb) / 1024.0, "MiB");
            figures.Add("rss_1000_learners_file_mb", active.Max(r => r.FileKb) / 1024.0, "MiB");
            figures.Add("managed_1000_learners_mb", before.ManagedBytes / silos.Count / (1024.0 * 1024), "MiB");
            figures.Add("gc_committed_1000_learners_mb", before.CommittedBytes / silos.Count / (1024.0 * 1024), "MiB");
            figures.Add("learner_grains", after.LearnerGrains, "count");
            figures.Add("managed_mb_per_10k_grains", perGrain * 10_000 / (1024 * 1024), "MiB");
            figures.Add("working_set_mb_per_10k_grains", (double)(after.WorkingSetBytes - before.WorkingSetBytes) / activated * 10_000 / (1024 * 1024), "MiB");
            figures.Add("managed_bytes_per_grain", perGrain, "bytes");
            figures.Add("working_set_mb", after.WorkingSetBytes / (1024.0 * 1024), "MiB");
            Console.Error.WriteLine($"memory: {perGrain * 10_000 / (1024 * 1024):F1} MiB managed per 10,000 active learner grains ({perGrain:F0} bytes each)");
            return true;
        }
        finally
        {
            await cleanup.RunAsync();
        }
    }

    /// <summary>
    /// A process's resident memory from <c>/proc</c>: all of it (<c>VmRSS</c>), the anonymous part (heaps, JIT code,
    /// stacks) and the part backed by files (the runtime's and the platform's DLLs and native libraries).
    /// </summary>
    sealed record Resident(long RssKb, long AnonymousKb, long FileKb)
    {
        public static Resident Of(Platform platform)
        {
            var status = File.ReadAllLines($"/proc/{platform.ProcessId}/status");
            long Kb(string key) => status.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
                ? long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)
                : 0;
            return new Resident(Kb("VmRSS:"), Kb("RssAnon:"), Kb("RssFile:") + Kb("RssShmem:"));
        }

        public static string Describe(IEnumerable<Resident> silos) => string.Join("; ", silos.Select(r =>
            $"{r.RssKb / 1024.0:F1} MiB resident ({r.AnonymousKb / 1024.0:F1} anonymous, {r.FileKb / 1024.0:F1} files)"));

        /// <summary>
        /// Where a process's resident memory is, from <c>/proc/PID/smaps</c>: anonymous mappings (the GC heap among
        /// them), the C heap, the runtime's executable memory (JIT code, stubs; <c>memfd:doublemapper</c> when W^X is
        /// on), the shared framework's files, the platform's own files, and other libraries.
        /// </summary>
        public static string Breakdown(Platform platform, string webHost)
        {
            var kb = new Dictionary<string, long>();
            var where = "";
            foreach (var line in File.ReadLines($"/proc/{platform.ProcessId}/smaps"))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 5 && parts[0].Contains('-', StringComparison.Ordinal) && !parts[0].EndsWith(':'))
                {
                    var path = parts.Length > 5 ? parts[5] : "";
                    where = path switch
                    {
                        "" => "anonymous",
                        "[heap]" => "C heap",
                        _ when path.Contains("doublemapper", StringComparison.Ordinal) => "JIT code and stubs",
                        _ when path.StartsWith("/usr/share/dotnet/", StringComparison.Ordinal) || path.StartsWith("/usr/lib/dotnet/", StringComparison.Ordinal) => "runtime and framework files",
                        _ when path.StartsWith(Path.GetDirectoryName(Path.GetFullPath(webHost))!, StringComparison.Ordinal) => "platform files",
                        _ when path.StartsWith('/') => "other libraries",
                        _ => "other",
                    };
                }
                else if (parts is ["Rss:", var size, ..])
                {
                    kb[where] = kb.GetValueOrDefault(where) + long.Parse(size, CultureInfo.InvariantCulture);
                }
            }
            return string.Join(", ", kb.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value / 1024.0:F1}"));
        }
    }

    sealed record MemoryReport(string Silo, long ManagedBytes, long CommittedBytes, long WorkingSetBytes, int LearnerGrains);

    /// <summary>The sum over the silos of their heaps, working sets and active learner grains.</summary>
    static async Task<MemoryReport> SampleAsync(IReadOnlyList<HttpClient> clients, CancellationToken cancel)
    {
        var reports = new List<MemoryReport>();
        foreach (var client in clients)
        {
            reports.Add(await client.GetFromJsonAsync<MemoryReport>("/_diagnostics/memory", cancel)
                ?? throw new BenchException("GET /_diagnostics/memory answered nothing"));
        }
        return new MemoryReport("all", reports.Sum(r => r.ManagedBytes), reports.Sum(r => r.CommittedBytes), reports.Sum(r => r.WorkingSetBytes), reports.Sum(r => r.LearnerGrains));
    }
}
