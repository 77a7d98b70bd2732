using System.Diagnostics;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>
/// A PostgreSQL cluster in a temp folder on a free loopback port, started the way <c>tests/run.sh</c> does
/// (initdb + pg_ctl from /usr/lib/postgresql/*/bin, as the <c>postgres</c> user when running as root, fsync on),
/// and stopped and deleted again by <see cref="Cleanup"/>.
/// </summary>
public static class ThrowAwayPostgres
{
    public static async Task<string> StartAsync(Cleanup cleanup, CancellationToken cancel)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderBy(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version(0, 0))
                .LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new BenchException("no PostgreSQL server found under /usr/lib/postgresql/*/bin; install it (apt-get install -y postgresql) or pass --postgres-connection");
        }

        var root = Directory.CreateTempSubdirectory("bdhvs-bench-pg.").FullName;
        var data = Path.Combine(root, "data");
        var log = Path.Combine(root, "log");
        var port = Platform.FreePort();
        var asRoot = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";
        var user = asRoot ? "postgres" : Environment.UserName;
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: run the throw-away server as the 'postgres' system user.
            if (await RunAsync("id", ["postgres"], cancel) != 0)
            {
                await RunAsync("useradd", ["--system", "--no-create-home", "postgres"], cancel);
            }
            await RunAsync("chown", ["postgres", root], cancel);
        }

        Task<int> AsPostgres(CancellationToken token, string tool, params string[] args) =>
            asRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. args], token)
                   : RunAsync(Path.Combine(bin, tool), args, token);

        cleanup.Add("delete the PostgreSQL folder", () => Directory.Delete(root, recursive: true));
        if (await AsPostgres(cancel, "initdb", "-D", data, "-U", user, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8") != 0)
        {
            throw new BenchException("initdb failed");
        }
        var settings = $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} -c fsync=on -c max_connections=200";
        cleanup.Add("stop PostgreSQL", async () =>
        {
            await AsPostgres(CancellationToken.None, "pg_ctl", "-D", data, "-m", "fast", "-w", "stop");
        });
        if (await AsPostgres(cancel, "pg_ctl", "-D", data, "-l", log, "-w", "-o", settings, "start") != 0)
        {
            var text = File.Exists(log) ? await File.ReadAllTextAsync(log, cancel) : "";
            throw new BenchException($"could not start PostgreSQL:\n{text}");
        }
        Console.Error.WriteLine($"throw-away PostgreSQL ({Path.GetFileName(Path.GetDirectoryName(bin))}) on 127.0.0.1:{port}, fsync on, data in {data}");
        return $"Host=127.0.0.1;Port={port};Username={user};Database=postgres;Pooling=true";
    }

    static async Task<int> RunAsync(string file, IEnumerable<string> args, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new BenchException($"could not run {file}");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(limit.Token);
        if (process.ExitCode != 0 && file != "id")
        {
            Console.Error.WriteLine($"{Path.GetFileName(file)} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}{await output}");
        }
        return process.ExitCode;
    }
}
