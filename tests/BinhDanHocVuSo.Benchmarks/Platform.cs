using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>
/// The web host (ASP.NET Core + co-hosted Orleans silo) as a child process on loopback, on a fresh database:
/// a new SQLite file in a temp folder, or the given (throw-away) PostgreSQL.
/// </summary>
public sealed class Platform
{
    const int Sigterm = 15;
    readonly Process _process;

    Platform(Process process, Uri address, TimeSpan coldStart)
    {
        _process = process;
        Address = address;
        ColdStart = coldStart;
    }

    public Uri Address { get; }
    public TimeSpan ColdStart { get; }
    public int ProcessId => _process.Id;

    /// <summary>Starts the platform and waits until <c>GET /health/ready</c> answers 200.</summary>
    /// <param name="environment">Settings that replace the defaults (a cluster's silos: ports, cluster id).</param>
    /// <param name="logName">The file in <paramref name="tempDir"/> that receives the host's output.</param>
    public static async Task<Platform> StartAsync(BenchOptions options, string tempDir, string? postgresConnection, Cleanup cleanup, CancellationToken cancel,
        IReadOnlyDictionary<string, string>? environment = null, string logName = "web.log")
    {
        if (!File.Exists(options.WebHost))
        {
            throw new BenchException($"web host not found at {options.WebHost}; build the harness (it publishes the web host into webhost/) or pass --webhost");
        }
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(options.WebHost)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(options.WebHost);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["Content__CoursesPath"] = Path.Combine(options.Repo, "courses");
        env["Content__AssessmentsPath"] = Path.Combine(options.Repo, "assessments");
        env["Orleans__SiloPort"] = FreePort().ToString();
        env["Orleans__GatewayPort"] = FreePort().ToString();
        // Request logging costs throughput; appsettings.json turns HttpLogging on explicitly, so it is turned off by name too.
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Microsoft.AspNetCore.HttpLogging"] = "Warning";
        if (postgresConnection is null)
        {
            env["Database__Provider"] = "Sqlite";
            env["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(tempDir, "bench.db")}";
        }
        else
        {
            env["Database__Provider"] = "Postgres";
            env["ConnectionStrings__Postgres"] = postgresConnection;
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var started = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new BenchException("could not start dotnet");
        Platform? platform = null;
        var lastLines = new Queue<string>();
        var log = new StreamWriter(Path.Combine(tempDir, logName)) { AutoFlush = true };
        var forwarded = 0;
        void Keep(string? line, string stream)
        {
            if (line is null)
            {
                return;
            }
            lock (lastLines)
            {
                log.WriteLine(line);
                lastLines.Enqueue(line);
                if (lastLines.Count > 40)
                {
                    lastLines.Dequeue();
                }
                // After start, show the first warnings only: a loaded host can write thousands (the rest is in web.log).
                if (platform is not null && ++forwarded <= 20)
                {
                    Console.Error.WriteLine($"[web {stream}] {line}");
                    if (forwarded == 20)
                    {
                        Console.Error.WriteLine($"[web] … further output only in {Path.Combine(tempDir, logName)} (use --keep to keep it)");
                    }
                }
            }
        }
        process.OutputDataReceived += (_, e) => Keep(e.Data, "out");
        process.ErrorDataReceived += (_, e) => Keep(e.Data, "err");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        cleanup.Add("stop the web host", async () =>
        {
            await StopProcessAsync(process);
            lock (lastLines)
            {
                log.Dispose();
            }
        });

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = TimeSpan.FromSeconds(120);
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new BenchException($"the web host exited with code {process.ExitCode} before it was ready:\n{string.Join('\n', lastLines)}");
            }
            if (started.Elapsed > deadline)
            {
                throw new BenchException($"the web host was not ready after {deadline.TotalSeconds} s:\n{string.Join('\n', lastLines)}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(address, "/health/ready"), cancel);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (!process.HasExited)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
            {
                // Slow answer while starting.
            }
            await Task.Delay(20, cancel);
        }
        platform = new Platform(process, address, started.Elapsed);
        // Show what the host said while starting (warnings only, logging is at Warning).
        lock (lastLines)
        {
            foreach (var line in lastLines)
            {
                Console.Error.WriteLine($"[web] {line}");
            }
        }
        return platform;
    }

    /// <summary>Stops the web host gracefully (SIGTERM), as an operator would, so the database is closed.</summary>
    public Task StopAsync() => StopProcessAsync(_process);

    /// <summary>CPU time (user + system) the web host has used so far, from /proc.</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>Threads of the web host now (from /proc): many more than cores means blocked thread-pool threads.</summary>
    public int Threads()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("Threads:", StringComparison.Ordinal));
            return line is null ? 0 : int.Parse(line["Threads:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    static async Task StopProcessAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }
        _ = Kill(process.Id, Sigterm);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("the web host did not stop within 30 s of SIGTERM; killing it");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int Kill(int pid, int signal);
}
