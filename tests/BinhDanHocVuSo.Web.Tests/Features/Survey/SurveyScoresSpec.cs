using System.Collections.Immutable;
using BinhDanHocVuSo.Content.Assessments.Scoring;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Survey;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Survey;

/// <summary>
/// A submitted response keeps what its answers add up to, counted with the version answered, and the group report is
/// built from that; responses without it (submitted before scores were kept, or counted with a definition since changed)
/// are counted from their answers when the report is built, and keep their scores from then on.
/// </summary>
public abstract class SurveyScoresSpec(DatabaseProvider provider) : IAsyncLifetime
{
    const string EveryoneAtLevelZero = "0,0 · 100%";

    TestDatabase _database = null!;
    Platform _platform = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _platform = new Platform(_database, Platform.ShippedCourses());
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    AppDbContext Db() => _platform.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    async Task<HttpClient> AdminWithFiveSubmittedAsync()
    {
        var admin = await _platform.SignedInAs(await _platform.CreateAsync(Roles.Admin));
        for (var i = 0; i < 5; i++)
        {
            await _platform.SubmittedRespondentAsync(i % 2 == 0 ? People.Commune : People.OtherCommune, code: 0);
        }
        return admin;
    }

    /// <summary>The tally and item values of a stored response, counted here from its stored answers.</summary>
    async Task<(byte[] Tally, byte[] Items)> CountedFromAnswersAsync(AppDbContext db, SurveyResponseRow row)
    {
        var survey = _platform.Survey();
        var answers = await db.SurveyAnswers.Where(a => a.ResponseId == row.Id).ToListAsync();
        var read = new RespondentAnswers(
            row.RespondentId.ToString(),
            new RespondentBackground(row.Commune, row.RoleId, row.AgeBandId),
            answers.Where(a => a.Code is not null).ToImmutableDictionary(a => a.ItemId, a => a.Code!.Value),
            answers.Where(a => a.OptionId is not null).ToImmutableDictionary(a => a.ItemId, a => a.OptionId!),
            answers.Sum(a => a.Seconds));
        return (RespondentScorer.Tally(survey, read).ToBytes(), ItemValues.Of(survey, read));
    }

    [Fact]
    public async Task A_submitted_response_keeps_the_tally_of_its_answers_and_the_report_shows_it()
    {
        var admin = await AdminWithFiveSubmittedAsync();

        var report = await admin.GetStringAsync("/survey/report");

        report.Should().Contain("Đã trả lời: 5 / 5").And.Contain(EveryoneAtLevelZero).And.Contain("Cronbach α");
        await using var db = Db();
        var rows = await db.SurveyResponses.ToListAsync();
        rows.Should().HaveCount(5).And.OnlyContain(r => r.ScoredWith == ScoringLayout.Fingerprint(_platform.Survey()));
        foreach (var row in rows)
        {
            var (tally, items) = await CountedFromAnswersAsync(db, row);
            row.Tally.Should().Equal(tally);
            row.ItemValues.Should().Equal(items);
            (row.FailedAttentionCheck, row.TooFast).Should().Be((false, false), "the check is answered as it asks; 60 s a page is not too fast");
        }
    }

    /// <summary>A restart, after which the warm-up has run: the moment scores missing from responses are kept.</summary>
    async Task RestartAsync()
    {
        await _platform.DisposeAsync();
        _platform = new Platform(_database, Platform.ShippedCourses());
        await _platform.Services.GetRequiredService<SurveyReportWarmUp>().Built.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Responses_submitted_before_scores_were_kept_are_reported_without_a_write_and_keep_their_scores_after_a_restart()
    {
        var admin = await AdminWithFiveSubmittedAsync();
        await using var db = Db();
        var kept = await db.SurveyResponses.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Tally).ToListAsync();
        await db.SurveyResponses.ExecuteUpdateAsync(set => set
            .SetProperty(r => r.ScoredWith, (string?)null).SetProperty(r => r.Tally, (byte[]?)null).SetProperty(r => r.ItemValues, (byte[]?)null));

        var report = await admin.GetStringAsync("/survey/report");
        var afterReport = await db.SurveyResponses.AsNoTracking().Select(r => r.Tally).ToListAsync();
        await RestartAsync();

        report.Should().Contain("Đã trả lời: 5 / 5").And.Contain(EveryoneAtLevelZero).And.Contain("Cronbach α");
        afterReport.Should().AllSatisfy(t => t.Should().BeNull(), "reading a report writes nothing");
        (await db.SurveyResponses.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Tally).ToListAsync())
            .Should().BeEquivalentTo(kept, o => o.WithStrictOrdering(), "the scores are counted again and kept at start");
    }

    [Fact]
    public async Task Scores_counted_with_another_definition_of_the_version_are_counted_again_from_the_answers()
    {
        var admin = await AdminWithFiveSubmittedAsync();
        await using var db = Db();
        var stored = RespondentTally.FromBytes(
            (await db.SurveyResponses.AsNoTracking().FirstAsync()).Tally, ScoringPlan.Of(_platform.Survey()), new RespondentFlags(false, false))!;
        var everythingRight = new RespondentTally(
            [.. stored.Competences.Select(c => c with { SelfPoints = c.SelfMaxPoints })], stored.DomainKnowledgeCorrect, stored.Flags);
        await db.SurveyResponses.ExecuteUpdateAsync(set => set
            .SetProperty(r => r.ScoredWith, "an-earlier-definition").SetProperty(r => r.Tally, everythingRight.ToBytes()));

        var report = await admin.GetStringAsync("/survey/report");
        var afterReport = await db.SurveyResponses.AsNoTracking().Select(r => r.ScoredWith).Distinct().ToListAsync();
        await RestartAsync();

        report.Should().Contain(EveryoneAtLevelZero, "the answers were all the lowest code, whatever the old tally says");
        afterReport.Should().Equal(["an-earlier-definition"], "reading a report writes nothing");
        (await db.SurveyResponses.AsNoTracking().Select(r => r.ScoredWith).Distinct().ToListAsync())
            .Should().Equal(ScoringLayout.Fingerprint(_platform.Survey()));
    }

    [Fact]
    public async Task The_officials_result_page_shows_the_scores_kept_at_submission()
    {
        var official = await _platform.SubmittedRespondentAsync(code: 0);
        var browser = await _platform.SignedInAs(official);
        var counted = await browser.GetStringAsync("/survey/result");
        await using var db = Db();
        var row = await db.SurveyResponses.AsNoTracking().SingleAsync(r => r.RespondentId == official.Id);
        var stored = RespondentTally.FromBytes(row.Tally, ScoringPlan.Of(_platform.Survey()), new RespondentFlags(false, false))!;
        var everythingRight = new RespondentTally(
            [.. stored.Competences.Select(c => c with { SelfPoints = c.SelfMaxPoints })], stored.DomainKnowledgeCorrect, stored.Flags);
        await db.SurveyResponses.Where(r => r.Id == row.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.Tally, everythingRight.ToBytes()));

        var kept = await browser.GetStringAsync("/survey/result");

        counted.Should().Contain("còn thiếu").And.NotContain("đạt mục tiêu", "every answer was the lowest code");
        kept.Should().Contain("đạt mục tiêu", "the page reads the kept tally, not the answers again");
    }

    [Fact]
    public async Task A_report_seen_before_changes_as_soon_as_a_response_is_submitted_or_an_official_is_invited()
    {
        var admin = await AdminWithFiveSubmittedAsync();
        var before = await admin.GetStringAsync("/survey/report");

        await _platform.SubmittedRespondentAsync(code: 3);
        var submitted = await admin.GetStringAsync("/survey/report");
        await _platform.CreateAsync(Roles.Official);
        var invited = await admin.GetStringAsync("/survey/report");
        var again = await admin.GetStringAsync("/survey/report");

        before.Should().Contain("Đã trả lời: 5 / 5").And.Contain(EveryoneAtLevelZero);
        submitted.Should().Contain("Đã trả lời: 6 / 6").And.NotContain(EveryoneAtLevelZero, "one of six now masters everything");
        invited.Should().Contain("Đã trả lời: 6 / 7");
        WithoutTokens(again).Should().Be(WithoutTokens(invited), "nothing changed in between (only the forms' anti-forgery tokens differ)");
    }

    [Fact]
    public async Task A_response_that_arrives_with_a_submission_time_before_the_last_report_is_still_counted()
    {
        var admin = await AdminWithFiveSubmittedAsync();
        await admin.GetStringAsync("/survey/report");

        // As from a silo whose clock is behind, or a commit that took long: the report reads only recent submissions
        // first, and must notice that one is missing.
        var late = await _platform.SubmittedRespondentAsync(code: 3);
        await using var db = Db();
        await db.SurveyResponses.Where(r => r.RespondentId == late.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.SubmittedAt, DateTime.UtcNow.AddDays(-1)));
        var report = await admin.GetStringAsync("/survey/report");

        report.Should().Contain("Đã trả lời: 6 / 6").And.NotContain(EveryoneAtLevelZero, "the late response masters everything");
    }

    [Fact]
    public async Task After_a_restart_the_province_report_is_built_before_anyone_asks_for_it()
    {
        await AdminWithFiveSubmittedAsync();
        await _platform.SubmittedRespondentAsync(code: 3);
        await RestartAsync();

        var built = await _platform.Services.GetRequiredService<SurveyReportWarmUp>().Built.WaitAsync(TimeSpan.FromMinutes(1));
        var admin = await _platform.SignedInAs(await _platform.CreateAsync(Roles.Admin));
        var report = await admin.GetStringAsync("/survey/report");

        built.Should().NotBeNull();
        built!.Quality.Should().NotBeNull("it is the admin's report of the whole province");
        built.Report.Header.Respondents.Should().Be(6);
        report.Should().Contain("Đã trả lời: 6 / 6").And.NotContain(EveryoneAtLevelZero, "one of six masters everything");
    }

    static string WithoutTokens(string page) => System.Text.RegularExpressions.Regex.Replace(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"", "");
}

public sealed class SurveyScoresOnSqlite() : SurveyScoresSpec(DatabaseProvider.Sqlite);

public sealed class SurveyScoresOnPostgres() : SurveyScoresSpec(DatabaseProvider.Postgres);
