using System.Diagnostics;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Hosting;

/// <summary>The real web host started as a person would, with the test course unless told otherwise, for specs about what it prints when it cannot start.</summary>
static class WebHostProcess
{
    /// <summary>Starts the host with <paramref name="args"/> and returns its exit code and what it wrote to stderr.</summary>
    public static Task<(int ExitCode, string Errors)> RunAsync(params string[] args) =>
        RunAsync("tests/BinhDanHocVuSo.Web.Tests/TestData/courses", args);

    /// <summary>The same with the courses of <paramref name="coursesPath"/> (a path inside the repository).</summary>
    public static async Task<(int ExitCode, string Errors)> RunAsync(string coursesPath, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BinhDanHocVuSo.Web.dll"));
        foreach (var arg in args.Append("--urls=http://127.0.0.1:0"))
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Content__CoursesPath"] = Repository.Path(coursesPath);
        start.Environment["Content__AssessmentsPath"] = Repository.Path("assessments");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return (process.ExitCode, errors);
    }
}
