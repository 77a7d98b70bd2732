using System.Diagnostics;
using System.Net;
using System.Text;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>
/// <c>cluster</c>: <c>--silos</c> web host processes (default 2) form one Orleans cluster on one throw-away
/// PostgreSQL (same <c>Orleans:ClusterId</c>, AdoNet clustering), and the <c>submit</c> load is spread over their
/// addresses. Each learner always talks to the same silo (its guest cookie is that silo's), while its learner grain
/// lives wherever the cluster placed it. After the run every silo is stopped and every acknowledged attempt id must
/// be in <c>QuizAttempts</c>.
/// </summary>
public static class ClusterScenario
{
    const string Name = "cluster";

    public static async Task<bool> RunAsync(BenchOptions options, Cleanup cleanup, CancellationToken cancel)
    {
        var figures = new Figures(Name, options.Database);
        try
        {
            var (silos, _, database) = await Start.SilosAsync(Name, options, cleanup, cancel);
            var postgres = database ?? throw new BenchException("the cluster scenario runs on PostgreSQL");
            for (var s = 0; s < silos.Count; s++)
            {
                figures.Add($"cold_start_ms_silo{s + 1}", silos[s].ColdStart.TotalMilliseconds, "ms");
            }
            figures.Add("cold_start_ms", silos.Max(s => s.ColdStart.TotalMilliseconds), "ms");
            figures.Add("silos", silos.Count, "count");

            var clients = silos.Select(s => LoadLoop.Client(s.Address, options.Concurrency)).ToList();
            try
            {
                var catalogue = await Catalogue.LoadAsync(clients[0], withQuizzes: true, cancel);
                if (catalogue.Quizzes.Count == 0)
                {
                    throw new BenchException("no lesson page has a quiz form");
                }
                Console.Error.WriteLine($"cluster: {silos.Count} silos, {catalogue.Quizzes.Count} lesson quizzes, {options.Learners} learners, {options.Concurrency} workers, {options.Seconds} s");
                var cookies = new string?[options.Learners];
                var acknowledged = Enumerable.Range(0, options.Concurrency).Select(_ => new List<Guid>(1024)).ToArray();

                async Task<Outcome> Submit(int worker, int learner, long turn, CancellationToken token)
                {
                    var quiz = catalogue.Quizzes[(int)((learner + turn) % catalogue.Quizzes.Count)];
                    var attemptId = Guid.NewGuid();
                    using var request = new HttpRequestMessage(HttpMethod.Post, quiz.AttemptsPath)
                    {
                        Content = new StringContent($$"""{"attemptId":"{{attemptId}}","answers":{{quiz.AnswersJson}}}""", Encoding.UTF8, "application/json"),
                    };
                    var cookie = Volatile.Read(ref cookies[learner]);
                    if (cookie is not null)
                    {
                        request.Headers.Add("Cookie", cookie);
                    }
                    // A learner stays on one silo: the guest cookie is protected with that silo's keys.
                    using var response = await clients[learner % clients.Count].SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        return Outcome.Failed($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
                    }
                    if (cookie is null && response.Headers.TryGetValues("Set-Cookie", out var values)
                        && values.FirstOrDefault(v => v.StartsWith("bdhvs.guest=", StringComparison.Ordinal)) is { } set)
                    {
                        Volatile.Write(ref cookies[learner], set.Split(';', 2)[0]);
                    }
                    acknowledged[worker].Add(attemptId);
                    return Outcome.Success;
                }

                long next = -1;
                Console.Error.WriteLine($"warm-up (untimed): creating {options.Learners} guest learners spread over the silos…");
                var warmup = await LoadLoop.RunAsync(Math.Min(options.Concurrency, options.Learners), TimeSpan.FromMinutes(15), options.Learners,
                    (worker, _, token) => Submit(worker, (int)Interlocked.Increment(ref next), 0, token), cancel);
                Console.Error.WriteLine($"warm-up: {warmup.Count} first submissions in {warmup.Elapsed.TotalSeconds:F1} s, {warmup.Errors} errors");
                await SteadyWarmup.RunAsync(options, Submit, cancel);
                figures.Add("learners", options.Learners, "count");

                Console.Error.WriteLine($"measuring for {options.Seconds} s…");
                var before = CpuSample.Take(silos[0]);
                var serversBefore = silos.Select(s => s.CpuTime()).ToList();
                var load = await LoadLoop.RunAsync(options.Concurrency, TimeSpan.FromSeconds(options.Seconds), options.MaxOps,
                    (worker, turn, token) => Submit(worker, (int)((worker + turn * options.Concurrency) % options.Learners), turn, token), cancel);
                var after = CpuSample.Take(silos[0]);
                var serversAfter = silos.Select(s => s.CpuTime()).ToList();
                figures.AddLoad(load);
                var seconds = (after.At - before.At).TotalSeconds;
                var server = serversAfter.Zip(serversBefore, (a, b) => (a - b).TotalSeconds).Sum() / seconds;
                var machine = (after.MachineBusy - before.MachineBusy).TotalSeconds / seconds;
                var client = (after.Client - before.Client).TotalSeconds / seconds;
                figures.Add("server_cpu_cores", server, "cores");
                figures.Add("machine_cpu_cores", machine, "cores");
                figures.Add("client_cpu_cores", client, "cores");
                figures.Add("other_cpu_cores", Math.Max(0, machine - server - client), "cores");
                figures.Add("cores", Environment.ProcessorCount, "count");
                figures.Add("acknowledged", load.Count, "count");
                Console.Error.WriteLine($"cluster: {load.Count} acknowledged in {load.Elapsed.TotalSeconds:F1} s = {load.Rate:F0}/s, p50 {load.Percentile(50):F1} ms, p99 {load.Percentile(99):F1} ms, {load.Errors} errors; " +
                    $"CPU: silos {server:F2}, client {client:F2}, other {Math.Max(0, machine - server - client):F2} of {machine:F2} busy");

                Console.Error.WriteLine("stopping every silo and counting QuizAttempts rows…");
                await Task.WhenAll(silos.Select(s => s.StopAsync()));
                var stored = await SubmitScenario.StoredAttemptsPostgresAsync(postgres, cancel);
                var all = acknowledged.SelectMany(a => a).ToList();
                var lost = all.Count(id => !stored.Contains(id));
                figures.Add("acknowledged_total", all.Count, "count");
                figures.Add("stored_attempts", stored.Count, "count");
                figures.Add("lost_acknowledged", lost, "count");
                Console.Error.WriteLine($"durability: {all.Count} acknowledged (warm-up included), {stored.Count} rows in QuizAttempts, {lost} acknowledged attempts missing");
                if (load.Count == 0)
                {
                    throw new BenchException("no submission was acknowledged");
                }
                return lost == 0;
            }
            finally
            {
                foreach (var client in clients)
                {
                    client.Dispose();
                }
            }
        }
        finally
        {
            await cleanup.RunAsync();
        }
    }
}
