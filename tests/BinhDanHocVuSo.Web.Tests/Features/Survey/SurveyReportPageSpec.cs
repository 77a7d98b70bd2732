using System.Net;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Survey;

/// <summary>
/// The report page as its readers meet it: leaders (an official whose survey response names a leadership position) read
/// their own commune's report, read only and with the same privacy as anyone (spec (d), privacy), other officials do not;
/// flagged respondents are left out unless a plain link includes them; a commune's few leaders never stand beside the
/// province's (the full attack is SubtractionAttackSpec in the content tests).
/// </summary>
public sealed class SurveyReportPageSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task A_leader_reads_their_commune_s_report_only_and_cannot_assign_courses()
    {
        var leader = await Platform.SubmittedRespondentAsync(People.Commune, role: "leadership");
        for (var i = 0; i < 4; i++)
        {
            await Platform.SubmittedRespondentAsync(People.Commune);
        }
        for (var i = 0; i < 3; i++)
        {
            await Platform.SubmittedRespondentAsync(People.OtherCommune);
        }
        var browser = await Platform.SignedInAs(leader);

        var report = await browser.GetStringAsync("/survey/report?by=position");
        var csv = await browser.GetStringAsync("/survey/report?handler=csv");
        var assign = await browser.SubmitFormAsync("/survey/report?handler=Assign", new() { ["group"] = Guid.NewGuid().ToString() }, formPage: "/account/login");

        // The login page gives an anti-forgery token: the report page has no form to post for a leader.
        report.Should().Contain("Đã trả lời: 5 / 5", "the 3 officials of the other commune are not in it")
            .And.Contain("chỉ xem").And.NotContain("handler=Assign").And.NotContain("Cronbach");
        report.Should().Contain("ẩn (ít hơn 5 người)", "the 1 leader and 4 office staff are hidden by position as for anyone");
        csv.Should().Contain(",Số người trả lời,5,");
        assign.StatusCode.Should().Be(HttpStatusCode.Redirect);
        assign.Headers.Location!.OriginalString.Should().Contain("/account/denied");
    }

    [Fact]
    public async Task An_official_in_another_position_or_without_a_response_may_not_read_the_report()
    {
        var office = await Platform.SignedInAs(await Platform.SubmittedRespondentAsync(People.Commune, role: "office"));
        var fresh = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Official, People.Commune));

        foreach (var browser in new[] { office, fresh })
        {
            foreach (var path in new[] { "/survey/report", "/survey/report?handler=csv", "/survey/report?handler=moodle" })
            {
                var response = await browser.GetAsync(path);
                response.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
                response.Headers.Location!.OriginalString.Should().Contain("/account/denied", path);
            }
        }
    }

    [Fact]
    public async Task Flagged_respondents_are_left_out_by_default_and_a_plain_link_includes_them()
    {
        for (var i = 0; i < 5; i++)
        {
            await Platform.SubmittedRespondentAsync(People.Commune);
        }
        for (var i = 0; i < 5; i++)
        {
            await Platform.SubmittedRespondentAsync(People.Commune, attentive: false);
        }
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var without = await admin.GetStringAsync("/survey/report");
        await using (var scope = Platform.Services.CreateAsyncScope())
        {
            var kept = await scope.ServiceProvider.GetRequiredService<AppDbContext>().SurveyResponses
                .CountAsync(r => r.FailedAttentionCheck && !r.TooFast);
            kept.Should().Be(5, "the flag is kept with the response when it is submitted");
        }
        var with = await admin.GetStringAsync("/survey/report?flagged=include");

        without.Should().Contain("Đã trả lời: 5 / 10").And.Contain("Đã loại 5 người").And.Contain("href=\"/survey/report?flagged=include\"")
            .And.Contain("Quá ít để đánh giá")
            .And.Contain("Khoảng cách trung bình: những người dưới mục tiêu", "the priority table explains P, p and Ḡ⁺ in words");
        with.Should().Contain("Đã trả lời: 10 / 10").And.Contain("đang tính cả 5 người").And.Contain("name=\"flagged\" value=\"include\" checked");
    }

    [Fact]
    public async Task By_commune_and_position_five_leaders_of_a_commune_are_not_shown_when_three_more_are_in_another()
    {
        for (var i = 0; i < 8; i++)
        {
            await Platform.SubmittedRespondentAsync(i < 5 ? People.Commune : People.OtherCommune, role: "leadership");
        }
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var page = await admin.GetStringAsync("/survey/report?by=commune&by=position");
        var csv = await admin.GetStringAsync("/survey/report?handler=csv&by=commune&by=position");

        // 8 − 5 would give the other commune's 3 leaders: neither the commune's five nor a province-wide leaders' column is
        // shown, only the province's total.
        page.Should().NotContain(">Lãnh đạo</th>").And.NotContain("Thục Phán · Lãnh đạo");
        csv.Should().NotContain("Bản đồ nhiệt,Lãnh đạo,").And.NotContain("Thục Phán · Lãnh đạo").And.Contain("Bản đồ nhiệt,");
    }
}
