namespace BinhDanHocVuSo.Benchmarks;

/// <summary>A failure of the benchmark itself (platform did not start, a request kind always fails…).</summary>
public sealed class BenchException(string message) : Exception(message);

/// <summary>
/// What the harness started (web host, PostgreSQL, temp folders), undone in reverse order exactly once:
/// at the end of a scenario, on error, on Ctrl+C, or when the process is asked to exit.
/// </summary>
public sealed class Cleanup : IAsyncDisposable
{
    readonly Lock _lock = new();
    readonly Stack<(string What, Func<Task> Undo)> _steps = new();

    public void Add(string what, Func<Task> undo)
    {
        lock (_lock)
        {
            _steps.Push((what, undo));
        }
    }

    public void Add(string what, Action undo) => Add(what, () => { undo(); return Task.CompletedTask; });

    /// <summary>Undoes everything registered so far.</summary>
    public async Task RunAsync()
    {
        while (true)
        {
            (string What, Func<Task> Undo) step;
            lock (_lock)
            {
                if (!_steps.TryPop(out step))
                {
                    return;
                }
            }
            try
            {
                await step.Undo();
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"cleanup: could not {step.What}: {e.Message}");
            }
        }
    }

    public void RunNowBlocking() => RunAsync().GetAwaiter().GetResult();

    public ValueTask DisposeAsync() => new(RunAsync());
}
