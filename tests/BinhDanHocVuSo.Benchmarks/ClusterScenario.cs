namespace BinhDanHocVuSo.Benchmarks;

/// <summary>
/// <c>cluster</c>: <c>--silos</c> web host processes (default 2) form one Orleans cluster on one throw-away
/// PostgreSQL (same <c>Orleans:ClusterId</c>, AdoNet clustering), and the <c>submit</c> load
/// (<see cref="QuizSubmissions"/>) is spread over their addresses. Each learner always talks to the same silo (its guest
/// cookie is that silo's), while its learner grain lives wherever the cluster placed it. After the run every silo is
/// stopped and every acknowledged attempt id must be in <c>QuizAttempts</c>.
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
            using var disposeClients = new Disposables(clients);
            // A learner stays on one silo: the guest cookie is protected with that silo's keys.
            var submissions = await QuizSubmissions.LoadAsync(options, learner => clients[learner % clients.Count], cancel);
            Console.Error.WriteLine($"cluster: {silos.Count} silos, {submissions.Quizzes} lesson quizzes, {options.Learners} learners, {options.Concurrency} workers, {options.Seconds} s");

            Console.Error.WriteLine($"warm-up (untimed): creating {options.Learners} guest learners spread over the silos…");
            var warmup = await submissions.CreateLearnersAsync(cancel);
            Console.Error.WriteLine($"warm-up: {warmup.Count} first submissions in {warmup.Elapsed.TotalSeconds:F1} s, {warmup.Errors} errors");
            await SteadyWarmup.RunAsync(options, submissions.SubmitAsync, cancel);
            figures.Add("learners", options.Learners, "count");

            var (load, before, after) = await submissions.MeasureAsync(() => CpuSample.Take(silos), figures, cancel);
            var seconds = (after.At - before.At).TotalSeconds;
            var (server, client, machine) = ((after.Server - before.Server).TotalSeconds / seconds, (after.Client - before.Client).TotalSeconds / seconds,
                (after.MachineBusy - before.MachineBusy).TotalSeconds / seconds);
            Console.Error.WriteLine($"cluster: {load.Count} acknowledged in {load.Elapsed.TotalSeconds:F1} s = {load.Rate:F0}/s, p50 {load.Percentile(50):F1} ms, p99 {load.Percentile(99):F1} ms, {load.Errors} errors; " +
                $"CPU: silos {server:F2}, client {client:F2}, other {Math.Max(0, machine - server - client):F2} of {machine:F2} busy");

            Console.Error.WriteLine("stopping every silo and counting QuizAttempts rows…");
            await Task.WhenAll(silos.Select(s => s.StopAsync()));
            var stored = await SubmitScenario.StoredAttemptsPostgresAsync(postgres, cancel);
            return submissions.AllStored(stored, load, figures, "warm-up included");
        }
        finally
        {
            await cleanup.RunAsync();
        }
    }
}
