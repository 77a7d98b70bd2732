using System.Runtime.InteropServices;
using BinhDanHocVuSo.Benchmarks;

// dotnet run -c Release --project tests/BinhDanHocVuSo.Benchmarks -- SCENARIO [--seconds N] [options]
// Figures go to stdout as one JSON object per line; progress and notes go to stderr.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 64;
}
if (options.Help)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
await using var cleanup = new Cleanup();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C: stop measuring and clean up (the finally blocks stop the platform and PostgreSQL).
    e.Cancel = true;
    Console.Error.WriteLine("Ctrl+C: stopping and cleaning up…");
    stop.Cancel();
};
// SIGTERM and SIGHUP (kill, a closed terminal) stop the run like Ctrl+C, so the cleanup still runs.
void StopOnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    Console.Error.WriteLine($"{context.Signal}: stopping and cleaning up…");
    stop.Cancel();
}
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopOnSignal);
using var onHup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, StopOnSignal);
AppDomain.CurrentDomain.ProcessExit += (_, _) => cleanup.RunNowBlocking();

try
{
    Task<bool> Run(BenchOptions scenario) => scenario.Scenario switch
    {
        "submit" => SubmitScenario.RunAsync(scenario, cleanup, stop.Token),
        "lesson" => LessonScenario.RunAsync(scenario, cleanup, stop.Token),
        "dashboard" => DashboardScenario.RunAsync(scenario, cleanup, stop.Token),
        "survey-report" => SurveyReportScenario.RunAsync(scenario, cleanup, stop.Token),
        "memory" => MemoryScenario.RunAsync(scenario, cleanup, stop.Token),
        "cluster" => ClusterScenario.RunAsync(scenario, cleanup, stop.Token),
        "import" => ImportScenario.RunAsync(scenario, cleanup, stop.Token),
        "province" => ProvinceScenario.RunAsync(scenario, cleanup, stop.Token),
        "all" => ResultsTable.RunAsync(scenario, Run),
        _ => throw new InvalidOperationException(scenario.Scenario),
    };
    stop.Token.ThrowIfCancellationRequested();
    if (!await Run(options))
    {
        return 1;
    }
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
catch (BenchException e)
{
    Console.Error.WriteLine($"benchmark failed: {e.Message}");
    return 2;
}
