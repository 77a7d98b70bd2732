using System.Diagnostics;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Hosting;

/// <summary>The host's `validate` command, as an author runs it before publishing courses.</summary>
public sealed class CommandsSpec
{
    static async Task<(int ExitCode, string Output)> Validate(string coursesPath)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "BinhDanHocVuSo.Web.dll"), "validate", coursesPath, Repository.Path("assessments") })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task Validating_the_shipped_courses_finds_no_error()
    {
        var (exitCode, output) = await Validate(Repository.Path("courses"));

        exitCode.Should().Be(0, output);
        output.Should().Contain("3 courses").And.Contain(", 0 errors.");
    }

    [Fact]
    public async Task Validating_a_broken_course_names_the_file_and_line_and_fails()
    {
        var folder = Directory.CreateTempSubdirectory("bdhvs-validate-");
        try
        {
            var course = Directory.CreateDirectory(Path.Combine(folder.FullName, "hong"));
            File.WriteAllText(Path.Combine(course.FullName, "course.md"), File.ReadAllText(Repository.Path("tests/BinhDanHocVuSo.Web.Tests/TestData/courses/khoa-mau/course.md")));
            File.WriteAllText(Path.Combine(course.FullName, "01-bai.md"), "---\nslug: bai\ntitle: Bài\nminutes: 3\norder: 1\n---\n\nNội dung.\n\n??? quiz\n? single c1\nCâu hỏi?\n- [ ] A\n- [ ] B\n> Giải thích.\n???\n");

            var (exitCode, output) = await Validate(folder.FullName);

            exitCode.Should().Be(1);
            output.Should().MatchRegex(@"hong/01-bai\.md:1\d: .*c1");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
