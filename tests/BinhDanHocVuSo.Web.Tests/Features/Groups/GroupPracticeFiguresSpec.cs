using System.Net;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Groups;

/// <summary>
/// The trainer's dashboard shows, for each practice block of the group's assigned courses, how many members passed it
/// and the trap most members fell into, from the runs of the group's members only: the step to show again on a phone.
/// The practice test course (TestData/practice-courses, "tap-duot"): the simulation "Tập trả tiền bằng mã QR" ("0.0"
/// the right way; "1" the trap on the first screen, "0.1" the trap on the confirmation screen) and a scam drill.
/// The figures are computed in SQL (one row per member and outcome), so they are checked on each provider.
/// </summary>
public abstract class GroupPracticeFiguresSpec(DatabaseProvider provider) : PlatformSpec(provider, new Dictionary<string, string?>
{
    ["Content:CoursesPath"] = Repository.Path("tests/BinhDanHocVuSo.Web.Tests/TestData/practice-courses"),
})
{
    const string Course = "tap-duot";
    const string Practice = "tra-tien-qr";
    const string LinkTrap = "Bẫy nhiều người mắc nhất: “Mở đường link &quot;nhận hoàn tiền&quot; trong tin nhắn”";
    const string AmountTrap = "Bẫy nhiều người mắc nhất: “Sửa số tiền thành 450.000 đ” (2 người)";

    [Fact]
    public async Task Each_practice_block_shows_how_many_members_passed_and_the_trap_most_members_fell_into()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        await trainer.SubmitFormAsync($"/groups/{group}?handler=Assign", new() { ["course"] = Course }, $"/groups/{group}");
        await MemberWhoRanAsync(group, "0.0");
        await MemberWhoRanAsync(group, "0.1", "0.1", "0.1", "0.0");
        await MemberWhoRanAsync(group, "0.1");
        await MemberWhoRanAsync(group, "1");
        await MemberWhoRanAsync(group: null, "1");
        await MemberWhoRanAsync(group: null, "1");

        var dashboard = await trainer.GetStringAsync($"/groups/{group}");

        dashboard.Should().Contain("Bài tập dượt: bước nào nhiều người mắc bẫy");
        var practice = Section(dashboard, "Tập trả tiền bằng mã QR");
        practice.Should().Contain("2/4 thành viên đã làm đúng (4 người đã thử)", "a member who passed after three traps passed; each member counts once");
        practice.Should().Contain(AmountTrap, "two members fell into the amount trap, one into the link trap, and people outside the group do not count")
            .And.NotContain(LinkTrap);
        Section(dashboard, "Tin nào thật, tin nào lừa đảo?").Should().Contain("0/4 thành viên đã làm đúng (0 người đã thử)")
            .And.NotContain("Tin nhiều người phân loại sai nhất", "nobody ran the drill");
    }

    [Fact]
    public async Task A_practice_of_a_course_not_assigned_to_the_group_is_not_shown()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        await MemberWhoRanAsync(group, "0.1");

        var dashboard = await trainer.GetStringAsync($"/groups/{group}");

        dashboard.Should().NotContain("Bài tập dượt: bước nào nhiều người mắc bẫy").And.NotContain("Tập trả tiền bằng mã QR");
    }

    [Fact]
    public async Task A_scam_drill_names_the_message_most_members_sorted_wrong()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        await trainer.SubmitFormAsync($"/groups/{group}?handler=Assign", new() { ["course"] = Course }, $"/groups/{group}");
        var member = await Platform.CreateAsync();
        await JoinAsync(group, member);
        var result = await Platform.Grains.GetGrain<ILearnerGrain>(member.Id)
            .RecordPractice(new PracticeRunSubmission(Guid.NewGuid(), Course, "tin-that-hay-lua", "ssss"));
        var bank = Platform.Services.GetRequiredService<ICourseCatalogSource>().Current.Find(Course)!.DrillBanks.Values.Single();
        var missed = bank.Find(result.Misses.Order(StringComparer.Ordinal).First())!;

        var dashboard = await trainer.GetStringAsync($"/groups/{group}");

        result.Misses.Should().HaveCount(2, "a run of the drill shows two scam messages, which 'safe' for everything misjudges");
        Section(dashboard, "Tin nào thật, tin nào lừa đảo?").Should().Contain("0/1 thành viên đã làm đúng (1 người đã thử)")
            .And.Contain($"Tin nhiều người phân loại sai nhất: “{Html(missed.From)}:");
    }

    /// <summary>The dashboard's list item of one practice block, by its title.</summary>
    static string Section(string dashboard, string title)
    {
        var start = dashboard.IndexOf($"<strong>{Html(title)}</strong>", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, $"the dashboard lists the practice block '{title}'");
        return dashboard[start..dashboard.IndexOf("</li>", start, StringComparison.Ordinal)];
    }

    /// <summary>Text as the page writes it (Vietnamese letters as they are).</summary>
    static string Html(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#x27;");

    /// <summary>A new learner who ran the simulation along each path in turn, and joined the group (null: no group).</summary>
    async Task MemberWhoRanAsync(Guid? group, params string[] paths)
    {
        var learner = await Platform.CreateAsync();
        foreach (var path in paths)
        {
            await Platform.Grains.GetGrain<ILearnerGrain>(learner.Id).RecordPractice(new PracticeRunSubmission(Guid.NewGuid(), Course, Practice, path));
        }
        if (group is { } id)
        {
            await JoinAsync(id, learner);
        }
    }

    async Task JoinAsync(Guid group, People.Person member)
    {
        await using var db = Platform.Services.GetRequiredService<IDbContextFactory<BinhDanHocVuSo.Web.Data.AppDbContext>>().CreateDbContext();
        var code = (await db.Groups.SingleAsync(g => g.Id == group)).JoinCode;
        var joined = await (await Platform.SignedInAs(member)).SubmitFormAsync($"/join/{code}", []);
        joined.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}

public sealed class GroupPracticeFiguresOnSqlite() : GroupPracticeFiguresSpec(DatabaseProvider.Sqlite);

public sealed class GroupPracticeFiguresOnPostgres() : GroupPracticeFiguresSpec(DatabaseProvider.Postgres);
