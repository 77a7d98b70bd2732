using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Survey;

/// <summary>A trainer gives the survey report's recommended courses to one of their groups, and knows which one.</summary>
// The shipped courses, one of them recommended to officials (see GroupFiguresSpec): the report then has courses to give.
public sealed partial class AssignFromReportSpec() : PlatformSpec(settings: Groups.GroupFiguresSpec.ShippedCoursesWithTheSafetyCourseForOfficials())
{
    [Fact]
    public async Task With_several_groups_none_is_chosen_for_the_trainer_and_the_confirmation_names_the_one_they_chose()
    {
        var (trainer, first) = await Platform.TrainerWithGroupAsync("Tổ 1 thôn Nà Vài");
        var created = await trainer.SubmitFormAsync("/groups", new() { ["Name"] = "Tổ 2 thôn Nà Vài", ["Commune"] = People.Commune });
        var second = Guid.Parse(created.Headers.Location!.ToString().Split('/')[^1]);
        for (var i = 0; i < 5; i++)
        {
            await Platform.SubmittedRespondentAsync();
        }

        var report = await trainer.GetStringAsync("/survey/report");
        var select = GroupSelect().Match(report).Value;
        var noChoice = await trainer.SubmitFormAsync("/survey/report?handler=Assign", new() { ["group"] = "" }, "/survey/report");
        var noChoicePage = await noChoice.Content.ReadAsStringAsync();
        var assigned = await trainer.SubmitFormAsync("/survey/report?handler=Assign", new() { ["group"] = second.ToString() }, "/survey/report");
        assigned.StatusCode.Should().Be(HttpStatusCode.Redirect, await assigned.Content.ReadAsStringAsync());
        var confirmation = await trainer.GetStringAsync(assigned.Headers.Location!.ToString());

        select.Should().MatchRegex("^<select[^>]*required[^>]*>\\s*<option value=\"\" selected=\"selected\">— Chọn nhóm —</option>")
            .And.NotContain($"value=\"{first}\" selected").And.NotContain($"value=\"{second}\" selected");
        noChoice.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        noChoicePage.Should().Contain("Hãy chọn nhóm sẽ nhận các khoá học đề xuất.");
        assigned.StatusCode.Should().Be(HttpStatusCode.Redirect);
        confirmation.Should().MatchRegex("Đã giao thêm [1-9][0-9]* khoá học cho nhóm “Tổ 2 thôn Nà Vài”");
        (await AssignedAsync(first)).Should().BeEmpty("the alphabetically first group was not chosen");
        (await AssignedAsync(second)).Should().NotBeEmpty();
    }

    [Fact]
    public async Task With_one_group_it_is_already_chosen()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        for (var i = 0; i < 5; i++)
        {
            await Platform.SubmittedRespondentAsync();
        }

        var select = GroupSelect().Match(await trainer.GetStringAsync("/survey/report")).Value;

        select.Should().Contain($"<option value=\"{group}\" selected=\"selected\">").And.NotContain("<option value=\"\"");
    }

    [Fact]
    public async Task A_due_date_already_past_is_refused_with_the_reason_on_the_report_and_on_the_groups_own_form()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        for (var i = 0; i < 5; i++)
        {
            await Platform.SubmittedRespondentAsync();
        }
        var yesterday = Platform.Clock.GetUtcNow().AddHours(7).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var today = Platform.Clock.GetUtcNow().AddHours(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var fromReport = await trainer.SubmitFormAsync("/survey/report?handler=Assign", new() { ["group"] = group.ToString(), ["due"] = yesterday }, "/survey/report");
        var fromDashboard = await trainer.SubmitFormAsync($"/groups/{group}?handler=Assign", new() { ["course"] = "an-toan-tren-mang", ["due"] = yesterday }, $"/groups/{group}");
        var pages = new[] { await fromReport.Content.ReadAsStringAsync(), await fromDashboard.Content.ReadAsStringAsync() };
        (await AssignedAsync(group)).Should().BeEmpty("nothing is assigned with a due date already past");
        var dueToday = await trainer.SubmitFormAsync($"/groups/{group}?handler=Assign", new() { ["course"] = "an-toan-tren-mang", ["due"] = today }, $"/groups/{group}");

        fromReport.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        fromDashboard.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        foreach (var page in pages)
        {
            page.Should().Contain("Hạn hoàn thành 22/11/2026 đã qua (hôm nay là 23/11/2026).");
            page.Should().Contain($"type=\"date\" min=\"{today}\"", "the date picker offers no day already past");
        }
        dueToday.StatusCode.Should().Be(HttpStatusCode.Redirect, "due by the end of today is fine");
    }

    async Task<List<string>> AssignedAsync(Guid group)
    {
        await using var db = Platform.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        return await db.Assignments.Where(a => a.GroupId == group).Select(a => a.CourseSlug).ToListAsync();
    }

    [GeneratedRegex("<select id=\"group\".*?</select>", RegexOptions.Singleline)]
    private static partial Regex GroupSelect();
}
