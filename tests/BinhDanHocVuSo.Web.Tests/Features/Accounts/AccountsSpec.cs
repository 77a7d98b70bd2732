using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Accounts;

public sealed class AccountsSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    static Dictionary<string, string> SignUp(string phone, string password = "482913") => new()
    {
        ["Phone"] = phone, ["FullName"] = "Lò Thị Mai", ["Commune"] = People.Commune, ["Password"] = password, ["ConfirmPassword"] = password,
    };

    [Theory]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("+84912345678", "0912345678")]
    [InlineData("84 912.345.678", "0912345678")]
    [InlineData("0387-654-321", "0387654321")]
    public void Phone_numbers_written_in_different_ways_are_one_person(string written, string normal) =>
        PhoneNumber.Normalize(written).Should().Be(normal);

    [Theory]
    [InlineData("091234567")]
    [InlineData("0212345678")]
    [InlineData("số của tôi")]
    [InlineData("+1 650 555 0100")]
    public void Malformed_phone_numbers_are_not_accepted(string written) => PhoneNumber.Normalize(written).Should().BeNull();

    [Fact]
    public async Task Signing_up_twice_with_the_same_number_written_differently_is_refused_with_a_clear_message()
    {
        var first = await Platform.Browser().SubmitFormAsync("/account/register", SignUp("0912 111 222"), "/account/register");
        var second = await Platform.Browser().SubmitFormAsync("/account/register", SignUp("+84912111222"), "/account/register");

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await second.Content.ReadAsStringAsync()).Should().Contain("Số điện thoại này đã có tài khoản");
        (await InScope(s => s.GetRequiredService<AppDbContext>().Users.CountAsync())).Should().Be(1);
    }

    [Theory]
    [InlineData("09123", "Lò Thị Mai", People.Commune, "482913", "Số điện thoại chưa đúng")]
    [InlineData("0912333444", "", People.Commune, "482913", "Hãy nhập họ và tên")]
    [InlineData("0912333444", "Lò Thị Mai", "ha-noi/khong-co", "482913", "Hãy chọn xã, phường")]
    [InlineData("0912333444", "Lò Thị Mai", People.Commune, "123456", "quá dễ đoán")]
    [InlineData("0912333444", "Lò Thị Mai", People.Commune, "12345", "ít nhất 6 ký tự")]
    public async Task A_malformed_sign_up_is_answered_with_what_to_fix_and_creates_nothing(string phone, string name, string commune, string password, string message)
    {
        var form = SignUp(phone, password);
        form["FullName"] = name;
        form["Commune"] = commune;

        var response = await Platform.Browser().SubmitFormAsync("/account/register", form);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(message);
        (await InScope(s => s.GetRequiredService<AppDbContext>().Users.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Signing_up_keeps_everything_the_guest_did_on_this_phone()
    {
        var browser = Platform.Browser();
        await browser.MarkLessonDoneAsync("khoa-mau", "bai-hai");

        (await browser.SubmitFormAsync("/account/register", SignUp("0912444555"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var progress = await browser.GetFromJsonAsync<ProgressDto>("/api/progress/khoa-mau");

        progress!.CompletedLessons.Should().Equal("bai-hai");
    }

    [Fact]
    public async Task Signing_in_on_a_phone_used_as_a_guest_adds_the_guest_history_to_the_account()
    {
        var person = await Platform.CreateAsync();
        var phone = Platform.Browser();
        await phone.MarkLessonDoneAsync("khoa-mau", "bai-hai");

        (await phone.SubmitFormAsync("/account/login", new() { ["Phone"] = person.Phone, ["Password"] = person.Password }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var elsewhere = await Platform.SignedInAs(person);
        var progress = await elsewhere.GetFromJsonAsync<ProgressDto>("/api/progress/khoa-mau");

        progress!.CompletedLessons.Should().Equal("bai-hai");
    }

    [Fact]
    public async Task After_sign_up_the_old_guest_cookie_no_longer_reads_the_account_history()
    {
        var phone = Platform.Browser();
        var asGuest = await phone.PostAsync("/c/khoa-mau/bai-hai?handler=Done", null);
        var guestCookie = asGuest.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(LearnerIdentity.GuestCookie + "=", StringComparison.Ordinal)).Split(';')[0];
        (await phone.SubmitFormAsync("/account/register", SignUp("0912444666"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await phone.MarkLessonDoneAsync("khoa-mau", "bai-mot");

        var copied = Platform.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copied.DefaultRequestHeaders.Add("Cookie", guestCookie);
        var seenWithTheOldCookie = await copied.GetFromJsonAsync<ProgressDto>("/api/progress/khoa-mau");
        var account = await phone.GetFromJsonAsync<ProgressDto>("/api/progress/khoa-mau");

        seenWithTheOldCookie!.CompletedLessons.Should().NotContain("bai-mot", "what the account did after signing up is not the guest's");
        account!.CompletedLessons.Should().BeEquivalentTo(["bai-hai", "bai-mot"]);
    }

    [Fact]
    public async Task A_guest_cookie_whose_id_is_an_account_id_opens_nothing_of_that_account()
    {
        var asGuest = await Platform.Browser().PostAsync("/c/khoa-mau/bai-hai?handler=Done", null);
        var guestCookie = asGuest.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(LearnerIdentity.GuestCookie + "=", StringComparison.Ordinal)).Split(';')[0];
        var reading = new DefaultHttpContext();
        reading.Request.Headers.Cookie = guestCookie;
        var guestId = Platform.Services.GetRequiredService<LearnerIdentity>().Guest(reading)!.Value;
        // An account that took the id of the guest who signed up, as accounts once did.
        var person = await InScope(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { Id = guestId, UserName = "0912444777", PhoneNumber = "0912444777", FullName = "Lò Thị Mai", Commune = People.Commune };
            (await users.CreateAsync(user, People.Password)).Succeeded.Should().BeTrue();
            await users.AddToRoleAsync(user, Roles.Learner);
            return new People.Person(user.Id, "0912444777", People.Password, People.Commune);
        });
        await (await Platform.SignedInAs(person)).MarkLessonDoneAsync("khoa-mau", "bai-mot");

        var copied = Platform.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copied.DefaultRequestHeaders.Add("Cookie", guestCookie);
        var seen = await copied.GetFromJsonAsync<ProgressDto>("/api/progress/khoa-mau");

        seen!.CompletedLessons.Should().BeEmpty();
        seen.Started.Should().BeFalse();
    }

    [Theory]
    [InlineData("123123")]
    [InlineData("000000")]
    [InlineData("121212")]
    [InlineData("112233")]
    [InlineData("123321")]
    [InlineData("654321")]
    [InlineData("111222")]
    [InlineData("202020")]
    [InlineData("686868")]
    [InlineData("888888")]
    [InlineData("999999")]
    [InlineData("199000")]
    [InlineData("201995")]
    [InlineData("051990")]
    [InlineData("15081990")]
    [InlineData("147258")]
    [InlineData("matkhau")]
    [InlineData("444666")]
    [InlineData("0912444666")]
    [InlineData("84912444666")]
    public async Task Common_and_patterned_PINs_and_the_phone_number_are_refused_at_sign_up(string pin)
    {
        var response = await Platform.Browser().SubmitFormAsync("/account/register", SignUp("0912444666", pin));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("quá dễ đoán");
    }

    [Theory]
    [InlineData("482913")]
    [InlineData("730541")]
    [InlineData("mat-khau-thu")]
    public void Ordinary_PINs_and_passwords_are_accepted(string password) =>
        GuessablePasswordValidator.IsGuessable(password, "0912444666").Should().BeFalse();

    [Fact]
    public async Task Sign_in_attempts_beyond_the_rate_limit_are_refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var strict = new Platform(database, new Dictionary<string, string?> { ["Accounts:AttemptsPerMinute"] = "3" });
        var browser = strict.Browser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await browser.GetAsync("/account/login")).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        var response = await Platform.Browser().PostAsync("/account/register", new FormUrlEncodedContent(SignUp("0912666777")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await InScope(s => s.GetRequiredService<AppDbContext>().Users.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Pages_carry_security_headers_with_a_content_policy_that_allows_no_inline_script()
    {
        var response = await Platform.Browser().GetAsync("/account/login");

        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'").And.NotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
    }

    [Fact]
    public async Task A_trainer_of_the_learners_commune_issues_a_one_time_code_with_which_the_learner_sets_a_new_password()
    {
        var trainer = await Platform.CreateAsync(Roles.Trainer);
        var learner = await Platform.CreateAsync();
        var trainerBrowser = await Platform.SignedInAs(trainer);

        var issued = await trainerBrowser.SubmitFormAsync("/trainer/reset", new() { ["phone"] = learner.Phone });
        var code = System.Text.RegularExpressions.Regex.Match(await issued.Content.ReadAsStringAsync(), @": (\d{8})\.").Groups[1].Value;
        var reset = await Platform.Browser().SubmitFormAsync("/account/reset",
            new() { ["Phone"] = learner.Phone, ["Code"] = code, ["Password"] = "mat-khau-moi", ["ConfirmPassword"] = "mat-khau-moi" });
        var reused = await Platform.Browser().SubmitFormAsync("/account/reset",
            new() { ["Phone"] = learner.Phone, ["Code"] = code, ["Password"] = "mat-khau-khac", ["ConfirmPassword"] = "mat-khau-khac" });

        code.Should().HaveLength(8);
        reset.StatusCode.Should().Be(HttpStatusCode.Redirect);
        reused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await Platform.SignedInAs(learner with { Password = "mat-khau-moi" });
        var audit = await InScope(s => s.GetRequiredService<AppDbContext>().AuditEntries.Select(a => a.Action).ToListAsync());
        audit.Should().Contain([AuditLog.ResetCodeIssued, AuditLog.PasswordReset]);
        audit.Should().NotContain(a => a.Contains(code));
    }

    [Fact]
    public async Task A_trainer_of_another_commune_cannot_issue_a_reset_code()
    {
        var trainer = await Platform.CreateAsync(Roles.Trainer, commune: People.OtherCommune);
        var learner = await Platform.CreateAsync();

        var response = await (await Platform.SignedInAs(trainer)).SubmitFormAsync("/trainer/reset", new() { ["phone"] = learner.Phone });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await InScope(s => s.GetRequiredService<AppDbContext>().ResetCodes.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task A_learner_can_download_their_data_and_delete_their_account_while_their_results_stay_anonymous()
    {
        var person = await Platform.CreateAsync();
        var browser = await Platform.SignedInAs(person);
        await browser.MarkLessonDoneAsync("khoa-mau", "bai-hai");

        var download = await browser.GetStringAsync("/account/data?handler=download");
        var deleted = await browser.SubmitFormAsync("/account/data?handler=Delete", new() { ["Password"] = person.Password }, "/account/data");

        download.Should().Contain(PhoneNumber.Display(person.Phone)).And.Contain("bai-hai");
        deleted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await InScope(s => s.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(person.Phone))).Should().BeNull();
        (await InScope(s => s.GetRequiredService<AppDbContext>().LessonCompletions.CountAsync(l => l.LearnerId == person.Id))).Should().Be(0);
        (await InScope(s => s.GetRequiredService<AppDbContext>().LessonCompletions.CountAsync())).Should().Be(1, "the result stays under a random id");
        (await InScope(s => s.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(a => a.Action == AuditLog.AccountDeleted))).Should().Be(1);
    }

    [Fact]
    public async Task The_first_admin_is_created_by_a_command_with_a_one_time_password()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "BinhDanHocVuSo.Web.dll"), "create-admin", "--phone", "0987 654 321", "--name", "Quản Trị Viên", "--commune", People.Commune })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ConnectionStrings__Sqlite"] = Database.ConnectionString;
        start.Environment["Content__CoursesPath"] = Repository.Path("courses");
        start.Environment["Content__AssessmentsPath"] = Repository.Path("assessments");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(0, await process.StandardError.ReadToEndAsync());
        var password = System.Text.RegularExpressions.Regex.Match(output, @"One-time password: (\d{8})").Groups[1].Value;
        var admin = await Platform.SignedInAs(new People.Person(Guid.Empty, "0987654321", password, People.Commune));
        (await admin.GetAsync("/admin/users")).Headers.Location!.ToString().Should().Be("/account/password");
    }

    sealed record ProgressDto(string CourseSlug, bool Started, List<string> CompletedLessons);
}
