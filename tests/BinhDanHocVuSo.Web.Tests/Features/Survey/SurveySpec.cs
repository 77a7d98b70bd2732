using System.Net;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Survey;

public sealed class SurveySpec() : PlatformSpec(settings: Platform.ShippedCourses())
{
    const string Suppressed = "ẩn (ít hơn 5 người)";

    [Fact]
    public async Task Submitting_after_review_shows_the_officials_levels_and_courses_to_start_at_once()
    {
        var official = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Official));
        await official.StartAsync(role: "office");
        var pages = Platform.Survey().Pages.Count;
        for (var n = 1; n < pages; n++)
        {
            await official.AnswerPageAsync(Platform, n, code: 0);
        }

        var review = await official.GetStringAsync("/survey/review");
        var submitted = await official.SubmitFormAsync("/survey/review", []);
        var result = await official.GetStringAsync("/survey/result");
        var afterwards = await official.GetAsync("/survey/page/1");

        review.Should().Contain(Platform.Survey().Pages[^1].Items[0].Text, "the last page was never answered");
        submitted.Headers.Location!.OriginalString.Should().Be("/survey/result");
        result.Should().Contain("Chưa đạt").And.Contain("bậc 0").And.Contain("mục tiêu bậc 3");
        result.Should().Contain("href=\"/c/an-toan-tren-mang\"").And.Contain("Học ngay");
        afterwards.Headers.Location!.OriginalString.Should().Be("/survey/result", "a submitted survey cannot be changed");
    }

    [Fact]
    public async Task A_learner_without_the_official_role_is_denied_the_survey()
    {
        var learner = await Platform.SignedInAs(await Platform.CreateAsync());

        var response = await learner.GetAsync("/survey");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/account/denied");
    }

    [Fact]
    public async Task A_trainers_report_hides_cells_of_fewer_than_five_respondents_and_shows_figures_from_five()
    {
        var (trainer, _) = await Platform.TrainerWithGroupAsync();
        var (elsewhere, _) = await Platform.TrainerWithGroupAsync(commune: People.OtherCommune);
        for (var i = 0; i < 4; i++)
        {
            await Platform.SubmittedRespondentAsync();
        }

        var four = await trainer.GetStringAsync("/survey/report");
        await Platform.SubmittedRespondentAsync();
        var five = await trainer.GetStringAsync("/survey/report");
        var otherCommune = await elsewhere.GetStringAsync("/survey/report");

        four.Should().Contain(Suppressed).And.Contain("Đã trả lời: 4 / 4");
        four.Should().NotContain("0,0 · 100%");
        five.Should().Contain("Đã trả lời: 5 / 5").And.Contain("0,0 · 100%").And.NotContain(Suppressed);
        five.Should().NotContain("Cronbach", "the quality panel is for admins");
        otherCommune.Should().Contain("Đã trả lời: 0 / 0");
    }

    [Fact]
    public async Task An_admin_sees_everyone_and_the_quality_panel()
    {
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));
        for (var i = 0; i < 5; i++)
        {
            await Platform.SubmittedRespondentAsync(i % 2 == 0 ? People.Commune : People.OtherCommune);
        }

        var report = await admin.GetStringAsync("/survey/report?by=commune");

        report.Should().Contain("Đã trả lời: 5 / 5").And.Contain("Cronbach α").And.Contain("KR-20");
        report.Should().Contain(Suppressed, "each commune alone has fewer than five respondents");
    }

    [Fact]
    public async Task Commune_and_position_cells_too_small_to_show_roll_up_into_their_commune_never_into_a_position_across_the_province()
    {
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));
        for (var i = 0; i < 7; i++)
        {
            await Platform.SubmittedRespondentAsync(People.Commune, role: i < 5 ? "office" : "leadership");
        }

        var report = await admin.GetStringAsync("/survey/report?by=commune&by=position");

        // Showing the five office staff would give away the two leaders beside them in the commune's column.
        var office = Platform.Survey().Roles.Single(r => r.Id == "office").Name;
        report.Should().Contain("<th scope=\"col\">Phường Thục Phán</th>", "the commune's seven are shown, its small cells rolled up into it");
        report.Should().NotContain("Phường Thục Phán · ").And.NotContain($"<th scope=\"col\">{office}</th>");
    }

    [Fact]
    public async Task The_assign_action_gives_the_recommended_courses_to_the_trainers_group_and_refuses_another_trainers_group()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        var (other, _) = await Platform.TrainerWithGroupAsync();
        for (var i = 0; i < 5; i++)
        {
            await Platform.SubmittedRespondentAsync();
        }

        // The courses the report recommends (its priorities table links each fitting course); which ones depends on the
        // catalogue's declared exit levels against the positions' targets, so the spec reads them from the report.
        var recommended = System.Text.RegularExpressions.Regex.Matches(await trainer.GetStringAsync("/survey/report"), "<a href=\"/c/([a-z0-9-]+)\">")
            .Select(m => m.Groups[1].Value).Distinct().ToList();
        var refused = await other.SubmitFormAsync("/survey/report?handler=Assign", new() { ["group"] = group.ToString() }, "/survey/report");
        await using (var db = Platform.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext())
        {
            (await db.Assignments.CountAsync()).Should().Be(0);
        }
        var assigned = await trainer.SubmitFormAsync("/survey/report?handler=Assign", new() { ["group"] = group.ToString() }, "/survey/report");

        refused.StatusCode.Should().Be(HttpStatusCode.NotFound);
        assigned.StatusCode.Should().Be(recommended.Count > 0 ? HttpStatusCode.Redirect : HttpStatusCode.BadRequest,
            "the action assigns what the report recommends, and says so when it recommends no course");
        await using (var db = Platform.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext())
        {
            var courses = await db.Assignments.Where(a => a.GroupId == group).Select(a => a.CourseSlug).ToListAsync();
            courses.Should().BeEquivalentTo(recommended);
        }
        var dashboard = await trainer.GetStringAsync($"/groups/{group}");
        foreach (var slug in recommended)
        {
            dashboard.Should().Contain(Platform.Services.GetRequiredService<BinhDanHocVuSo.Web.Features.Courses.ICourseCatalogSource>().Current.Find(slug)!.Title);
        }
    }

    [Fact]
    public async Task The_report_and_the_moodle_competency_framework_download_as_csv()
    {
        var (trainer, _) = await Platform.TrainerWithGroupAsync();
        for (var i = 0; i < 5; i++)
        {
            await Platform.SubmittedRespondentAsync();
        }

        var report = await trainer.GetAsync("/survey/report?handler=csv&by=position");
        var moodle = await trainer.GetAsync("/survey/report?handler=moodle");
        var text = await report.Content.ReadAsStringAsync();

        report.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        report.Content.Headers.ContentDisposition!.FileName.Should().Contain(".csv");
        var office = Platform.Survey().Roles.Single(r => r.Id == "office").Name; // written as is: it has no comma or quote
        text.Should().Contain("Phần,Nhóm,Năng lực/Lĩnh vực").And.MatchRegex($"Bản đồ nhiệt,[^,\\n]* · {office},0\\.1,Bậc trung bình,0,");
        (await moodle.Content.ReadAsStringAsync()).Should().StartWith("Parent ID number,ID number,Short name").And.Contain("4.2");
    }
}
