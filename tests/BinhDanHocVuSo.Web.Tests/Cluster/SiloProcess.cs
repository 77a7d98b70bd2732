using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Cluster;

/// <summary>
/// One silo as an operator runs it: the built web host (<c>dotnet BinhDanHocVuSo.Web.dll</c>) as its own process on
/// loopback, in Production, on a shared PostgreSQL database and cluster id. Its output is kept for failure messages.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    const int KeptLines = 60;
    readonly Process _process;
    readonly Queue<string> _lastLines = new();

    SiloProcess(string name, Process process, int httpPort, int siloPort)
    {
        Name = name;
        _process = process;
        HttpPort = httpPort;
        SiloPort = siloPort;
        Address = new Uri($"http://127.0.0.1:{httpPort}");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }
    public int HttpPort { get; }

    /// <summary>The silo-to-silo port: Orleans' silo addresses (<c>S127.0.0.1:PORT:GENERATION</c>) name it.</summary>
    public int SiloPort { get; }
    public Uri Address { get; }
    public bool HasExited => _process.HasExited;

    public static SiloProcess Start(string name, string postgres, string clusterId, IReadOnlyDictionary<string, string>? settings = null)
    {
        var httpPort = FreePort();
        var siloPort = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BinhDanHocVuSo.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{httpPort}");
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["Database__Provider"] = "Postgres";
        env["ConnectionStrings__Postgres"] = postgres;
        env["Orleans__ClusterId"] = clusterId;
        env["Orleans__SiloPort"] = siloPort.ToString();
        env["Orleans__GatewayPort"] = FreePort().ToString();
        env["Content__CoursesPath"] = SourceTree.Path("tests/BinhDanHocVuSo.Web.Tests/TestData/courses");
        env["Content__AssessmentsPath"] = SourceTree.Path("assessments");
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Microsoft.AspNetCore.HttpLogging"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        return new SiloProcess(name, process, httpPort, siloPort);
    }

    /// <summary>Waits until <c>GET /health/ready</c> answers 200 (database migrated, silo active in the cluster).</summary>
    public async Task WaitReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"silo {Name} exited with code {_process.ExitCode} before it was ready:\n{Output()}");
            }
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or slow while starting.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"silo {Name} was not ready after {limit.TotalSeconds:F0} s:\n{Output()}");
    }

    /// <summary>A client for this silo that keeps no cookies: the test passes each learner's cookie itself.</summary>
    public HttpClient Client(TimeSpan timeout) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Address, Timeout = timeout };

    /// <summary>Which silo hosts the learner of <paramref name="cookie"/>, as this silo sees it (needs <c>Orleans:Diagnostics</c>).</summary>
    public async Task<LearnerLocation> LocateAsync(string cookie)
    {
        using var http = Client(TimeSpan.FromSeconds(10));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_diagnostics/learner");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonSerializer.Deserialize<LearnerLocation>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!;
    }

    /// <summary>Whether an Orleans silo address (<c>S127.0.0.1:PORT:GENERATION</c>) is this process's silo.</summary>
    public bool Is(string? siloAddress) => siloAddress is not null && siloAddress.Contains($":{SiloPort}:", StringComparison.Ordinal);

    /// <summary>SIGKILL: the process dies at once, as on a power cut; no graceful leave from the cluster.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public string Output()
    {
        lock (_lastLines)
        {
            return string.Join('\n', _lastLines.Select(l => $"[{Name}] {l}"));
        }
    }

    void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The answer of <c>GET /_diagnostics/learner</c>.</summary>
public sealed record LearnerLocation(string Silo, Guid? Learner, string? HostedOn);

/// <summary>
/// A path inside the repository: found from the test binaries (<see cref="Repository"/>), or, when they were built
/// outside the work tree (<c>--artifacts-path</c>), from where this source file was compiled.
/// </summary>
static class SourceTree
{
    public static string Path(string relative, [System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
    {
        try
        {
            return Repository.Path(relative);
        }
        catch (InvalidOperationException)
        {
            // thisFile is …/tests/BinhDanHocVuSo.Web.Tests/Cluster/SiloProcess.cs: the repository is three folders up.
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(thisFile)!, "../../..", relative));
        }
    }
}
