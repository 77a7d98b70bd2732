using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Accounts;

/// <summary>Who may reset whose password, and what a reset, a password change or a revoked role does to open sessions.</summary>
public sealed partial class PasswordResetSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    const string Refused = "Không cấp được mã cho số này";

    async Task<HttpResponseMessage> IssueReset(HttpClient issuer, string phone) =>
        await issuer.SubmitFormAsync("/trainer/reset", new() { ["phone"] = phone });

    static async Task<string> CodeIn(HttpResponseMessage issued) => ResetCode().Match(await issued.Content.ReadAsStringAsync()).Groups[1].Value;

    async Task<int> CodesIssued()
    {
        using var scope = Platform.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ResetCodes.CountAsync();
    }

    [Fact]
    public async Task A_trainer_cannot_reset_an_administrator()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var admin = await Platform.CreateAsync(Roles.Admin);

        var response = await IssueReset(trainer, admin.Phone);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain(Refused);
        (await CodesIssued()).Should().Be(0);
    }

    [Fact]
    public async Task A_trainer_cannot_reset_another_trainer_of_their_commune()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var staff = await Platform.CreateAsync(Roles.Trainer);

        var response = await IssueReset(trainer, staff.Phone);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await CodesIssued()).Should().Be(0);
    }

    [Fact]
    public async Task A_trainer_cannot_reset_an_official_of_their_commune()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var official = await Platform.CreateAsync(Roles.Official);

        var response = await IssueReset(trainer, official.Phone);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain(Refused);
        (await CodesIssued()).Should().Be(0);
    }

    [Fact]
    public async Task A_trainer_cannot_reset_their_own_password_with_a_code()
    {
        var person = await Platform.CreateAsync(Roles.Trainer);
        var trainer = await Platform.SignedInAs(person);

        (await IssueReset(trainer, person.Phone)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await CodesIssued()).Should().Be(0);
    }

    [Fact]
    public async Task An_administrator_can_reset_a_trainer()
    {
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin, commune: People.OtherCommune));
        var trainer = await Platform.CreateAsync(Roles.Trainer);

        var code = await CodeIn(await IssueReset(admin, trainer.Phone));
        var reset = await Platform.Browser().SubmitFormAsync("/account/reset",
            new() { ["Phone"] = trainer.Phone, ["Code"] = code, ["Password"] = "mat-khau-moi", ["ConfirmPassword"] = "mat-khau-moi" });

        reset.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await Platform.SignedInAs(trainer with { Password = "mat-khau-moi" });
    }

    [Fact]
    public async Task The_reset_page_answers_an_unknown_number_exactly_as_a_number_it_may_not_reset()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var admin = await Platform.CreateAsync(Roles.Admin);

        var refused = await IssueReset(trainer, admin.Phone);
        var unknown = await IssueReset(trainer, People.NewPhone());

        unknown.StatusCode.Should().Be(refused.StatusCode);
        Answer(await unknown.Content.ReadAsStringAsync()).Should().Be(Answer(await refused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_old_session_ends_after_the_password_is_reset()
    {
        var learner = await Platform.CreateAsync();
        var oldSession = await Platform.SignedInAs(learner);
        (await oldSession.GetAsync("/account/data")).StatusCode.Should().Be(HttpStatusCode.OK);
        var code = await CodeIn(await IssueReset(await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer)), learner.Phone));

        (await Platform.Browser().SubmitFormAsync("/account/reset",
            new() { ["Phone"] = learner.Phone, ["Code"] = code, ["Password"] = "mat-khau-moi", ["ConfirmPassword"] = "mat-khau-moi" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        Platform.Clock.Advance(TimeSpan.FromSeconds(31));
        var afterReset = await oldSession.GetAsync("/account/data");

        afterReset.StatusCode.Should().Be(HttpStatusCode.Redirect);
        afterReset.Headers.Location!.AbsolutePath().Should().Be("/account/login");
    }

    [Fact]
    public async Task An_old_session_ends_after_the_password_is_changed_while_the_session_that_changed_it_stays()
    {
        var learner = await Platform.CreateAsync();
        var oldSession = await Platform.SignedInAs(learner);
        var changing = await Platform.SignedInAs(learner);

        (await changing.SubmitFormAsync("/account/password",
            new() { ["CurrentPassword"] = learner.Password, ["Password"] = "mat-khau-moi", ["ConfirmPassword"] = "mat-khau-moi" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        Platform.Clock.Advance(TimeSpan.FromSeconds(31));

        (await oldSession.GetAsync("/account/data")).Headers.Location!.AbsolutePath().Should().Be("/account/login");
        (await changing.GetAsync("/account/data")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Other_sessions_end_after_the_account_is_deleted()
    {
        var learner = await Platform.CreateAsync();
        var otherSession = await Platform.SignedInAs(learner);
        var deleting = await Platform.SignedInAs(learner);

        (await deleting.SubmitFormAsync("/account/data?handler=Delete", new() { ["Password"] = learner.Password }, "/account/data"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        Platform.Clock.Advance(TimeSpan.FromSeconds(31));

        (await otherSession.GetAsync("/account/data")).Headers.Location!.AbsolutePath().Should().Be("/account/login");
    }

    [Fact]
    public async Task A_revoked_trainer_loses_the_groups_page_within_a_minute()
    {
        var person = await Platform.CreateAsync(Roles.Trainer);
        var trainer = await Platform.SignedInAs(person);
        (await trainer.GetAsync("/groups")).StatusCode.Should().Be(HttpStatusCode.OK);

        using (var scope = Platform.Services.CreateScope())
        {
            // What /admin/users does when an administrator takes the role away.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(person.Id.ToString());
            (await users.RemoveFromRoleAsync(user!, Roles.Trainer)).Succeeded.Should().BeTrue();
            await users.UpdateSecurityStampAsync(user!);
        }
        Platform.Clock.Advance(TimeSpan.FromMinutes(1));
        var groups = await trainer.GetAsync("/groups");
        var report = await trainer.GetAsync("/survey/report");

        groups.StatusCode.Should().Be(HttpStatusCode.Redirect);
        groups.Headers.Location!.AbsolutePath().Should().Be("/account/login");
        report.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Issuing_reset_codes_is_limited_per_issuer_with_a_vietnamese_answer()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var strict = new Platform(database, new Dictionary<string, string?> { ["Accounts:IssuedResetsPerMinute"] = "2" });
        var trainer = await strict.SignedInAs(await strict.CreateAsync(Roles.Trainer));
        var learner = await strict.CreateAsync();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await trainer.SubmitFormAsync("/trainer/reset", new() { ["phone"] = learner.Phone });
            statuses.Add(last.StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        (await last.Content.ReadAsStringAsync()).Should().Contain("Bạn thao tác quá nhanh");
        last.Headers.Contains("Retry-After").Should().BeTrue();
    }

    static string Answer(string page) => StatusLine().Match(page).Groups[1].Value;

    [GeneratedRegex(@": (\d{8})\.")]
    private static partial Regex ResetCode();

    [GeneratedRegex("role=\"status\">([^<]*)<")]
    private static partial Regex StatusLine();
}
