using System.Diagnostics;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Hosting;

/// <summary>The host's commands: `validate`, as an author runs it before publishing courses, and `create-admin`.</summary>
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
        output.Should().Contain("15 courses").And.Contain(", 0 errors.");
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

    static async Task<(int ExitCode, string Output, string Errors)> CreateAdmin(TestDatabase database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "BinhDanHocVuSo.Web.dll"), "create-admin" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ConnectionStrings__Sqlite"] = database.ConnectionString;
        start.Environment["Content__CoursesPath"] = Repository.Path("courses");
        start.Environment["Content__AssessmentsPath"] = Repository.Path("assessments");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    static async Task<bool> IsAdmin(Platform platform, string phone)
    {
        using var scope = platform.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.IsInRoleAsync((await users.FindByNameAsync(phone))!, Roles.Admin);
    }

    [Fact]
    public async Task Create_admin_on_a_number_that_has_an_account_changes_nothing_without_promote_and_says_so()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var platform = new Platform(database);
        var citizen = await platform.CreateAsync();

        var (exitCode, _, errors) = await CreateAdmin(database, "--phone", citizen.Phone, "--name", "Quản Trị Viên", "--commune", People.OtherCommune);

        exitCode.Should().NotBe(0);
        errors.Should().Contain("already has an account").And.Contain("--promote");
        (await IsAdmin(platform, citizen.Phone)).Should().BeFalse();
    }

    [Fact]
    public async Task Create_admin_with_promote_makes_an_existing_account_an_administrator_and_says_what_it_did()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var platform = new Platform(database);
        var citizen = await platform.CreateAsync();

        var (exitCode, output, errors) = await CreateAdmin(database, "--phone", citizen.Phone, "--name", "Quản Trị Viên", "--commune", People.OtherCommune, "--promote");

        exitCode.Should().Be(0, errors);
        output.Should().Contain("Promoted the existing account").And.Contain(citizen.Commune).And.Contain("--name and --commune were not used");
        (await IsAdmin(platform, citizen.Phone)).Should().BeTrue();
    }

    [Fact]
    public async Task Create_admin_on_a_new_number_says_it_created_the_account_with_its_name_and_commune()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exitCode, output, errors) = await CreateAdmin(database, "--phone", "0987 654 322", "--name", "Quản Trị Viên", "--commune", People.Commune);

        exitCode.Should().Be(0, errors);
        output.Should().Contain("Created administrator 0987 654 322").And.Contain("Quản Trị Viên").And.Contain(People.Commune).And.MatchRegex(@"One-time password: \d{8}");
    }
}
