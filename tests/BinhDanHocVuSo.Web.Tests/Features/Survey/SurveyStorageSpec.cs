using System.Net;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Survey;

/// <summary>Answers are saved as they are given and the survey resumes on another device or after a restart, on each provider.</summary>
public abstract class SurveyStorageSpec(DatabaseProvider provider)
{
    const string FirstItemChosen = "name=\"a-sr-0-1-f\" value=\"2\" checked=\"checked\"";

    [Fact]
    public async Task An_official_who_saved_page_one_resumes_at_page_two_in_a_new_browser_with_page_one_answers_kept()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var platform = new Platform(database, Platform.ShippedCourses());
        var official = await platform.CreateAsync(Roles.Official);
        var phone = await platform.SignedInAs(official);
        await phone.StartAsync();

        var saved = await phone.AnswerPageAsync(platform, 1, code: 2);
        var computer = await platform.SignedInAs(official);
        var start = await computer.GetStringAsync("/survey");
        var pageOne = await computer.GetStringAsync("/survey/page/1");

        saved.Headers.Location!.OriginalString.Should().Be("/survey/page/2");
        start.Should().Contain("href=\"/survey/page/2\"").And.Contain("Làm tiếp");
        pageOne.Should().Contain(FirstItemChosen);
        await using var db = platform.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var response = await db.SurveyResponses.SingleAsync(r => r.RespondentId == official.Id);
        response.SurveyVersion.Should().Be(platform.Survey().Version);
        response.Commune.Should().Be(People.Commune, "the commune comes from the account");
        (await db.SurveyAnswers.CountAsync(a => a.ResponseId == response.Id)).Should().Be(platform.Survey().Pages[0].Items.Count);
    }

    [Fact]
    public async Task Saved_answers_are_still_there_after_the_platform_restarts()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        People.Person official;
        await using (var before = new Platform(database, Platform.ShippedCourses()))
        {
            official = await before.CreateAsync(Roles.Official);
            var browser = await before.SignedInAs(official);
            await browser.StartAsync();
            (await browser.AnswerPageAsync(before, 1, code: 2)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        await using var after = new Platform(database, Platform.ShippedCourses());
        var again = await after.SignedInAs(official);

        (await again.GetStringAsync("/survey/page/1")).Should().Contain(FirstItemChosen);
        (await again.GetStringAsync("/survey")).Should().Contain("href=\"/survey/page/2\"");
    }
}

public sealed class SurveyStorageOnSqlite() : SurveyStorageSpec(DatabaseProvider.Sqlite);

public sealed class SurveyStorageOnPostgres() : SurveyStorageSpec(DatabaseProvider.Postgres);
