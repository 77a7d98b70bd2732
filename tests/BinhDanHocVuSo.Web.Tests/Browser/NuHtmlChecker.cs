using System.Diagnostics;
using System.Text.Json;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Browser;

/// <summary>
/// The Nu HTML checker (the W3C validator's engine, npm package <c>vnu-jar</c>, a Java program) run once over saved pages.
/// <c>tests/run.sh</c> installs Java and the pinned jar and names it in <see cref="JarVariable"/>; run by hand, the jar is
/// looked for where run.sh puts it.
/// </summary>
public static class NuHtmlChecker
{
    /// <summary>The environment variable holding the path of vnu.jar.</summary>
    public const string JarVariable = "BDHVS_VNU_JAR";

    /// <summary>The vnu-jar version run.sh installs; keep it in step with run.sh.</summary>
    public const string Version = "26.9.27";

    const string Install = "Run the tests with `bash tests/run.sh` (it installs both), or install them by hand: "
        + "`apt-get install default-jre-headless npm` and `npm install --prefix tests/tools vnu-jar@" + Version + "`.";

    /// <summary>One error the checker found: the file, where in it, and what is wrong.</summary>
    public sealed record Error(string File, int Line, string Message, string Extract)
    {
        public override string ToString() => $"{File}:{Line}: {Message} — in “{Extract.Trim()}”";
    }

    /// <summary>The errors in <paramref name="files"/>, in one run of the checker (it starts a Java VM: seconds, not milliseconds).</summary>
    public static async Task<IReadOnlyList<Error>> CheckAsync(IReadOnlyCollection<string> files)
    {
        var jar = FindJar();
        var java = FindJava();
        var start = new ProcessStartInfo(java) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-jar", jar, "--errors-only", "--format", "json" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var report = await process.StandardError.ReadToEndAsync(); // vnu writes its JSON report to standard error
        await process.WaitForExitAsync();
        await output;
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(report);
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"The Nu HTML checker ({java} -jar {jar}) did not answer with its JSON report (exit code {process.ExitCode}):\n{report}");
        }
        using (json)
        {
            return [.. json.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
                .Select(m => new Error(
                    Path.GetFileName(m.TryGetProperty("url", out var url) ? url.GetString()! : "unknown"),
                    m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
                    m.GetProperty("message").GetString()!,
                    m.TryGetProperty("extract", out var extract) ? extract.GetString()! : ""))];
        }
    }

    /// <summary>vnu.jar: from <see cref="JarVariable"/>, else where run.sh installs it (tests/tools); never silently absent.</summary>
    public static string FindJar()
    {
        if (Environment.GetEnvironmentVariable(JarVariable) is { Length: > 0 } named)
        {
            return File.Exists(named) ? named
                : throw new InvalidOperationException($"{JarVariable} names {named}, which does not exist. {Install}");
        }
        var installed = Repository.Path("tests/tools/node_modules/vnu-jar/build/dist/vnu.jar");
        return File.Exists(installed) ? installed
            : throw new InvalidOperationException($"The HTML check needs the Nu HTML checker (vnu.jar), which is not at {installed} and {JarVariable} is not set. {Install}");
    }

    static string FindJava()
    {
        var home = Environment.GetEnvironmentVariable("JAVA_HOME");
        var candidates = (home is { Length: > 0 } ? [Path.Combine(home, "bin", "java")] : Array.Empty<string>())
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, "java")));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"The HTML check runs the Nu HTML checker, a Java program, but no `java` is installed. {Install}");
    }
}
