using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Survey;

/// <summary>Whose survey answers a trainer sees: the communes an administrator assigned them, not those of their groups.</summary>
public sealed class SurveyScopeSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task A_trainer_sees_the_survey_report_only_for_their_assigned_communes()
    {
        for (var i = 0; i < 5; i++)
        {
            await Platform.SubmittedRespondentAsync(People.Commune);
        }
        var local = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer, People.Commune));
        var outsider = await Platform.CreateAsync(Roles.Trainer, People.OtherCommune);
        using (var scope = Platform.Services.CreateScope())
        {
            // A group of the first commune that the outsider co-runs (e.g. added before communes were assigned).
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var group = new GroupRow { Id = Guid.NewGuid(), Name = "Cán bộ phường", Commune = People.Commune, JoinCode = "SCOPE1", CreatedAt = DateTime.UtcNow };
            db.Groups.Add(group);
            db.GroupTrainers.Add(new GroupTrainerRow { GroupId = group.Id, TrainerId = outsider.Id });
            await db.SaveChangesAsync();
        }
        var outsiderBrowser = await Platform.SignedInAs(outsider);

        var localReport = await local.GetStringAsync("/survey/report");
        var outsiderReport = await outsiderBrowser.GetStringAsync("/survey/report");
        var outsiderCsv = await outsiderBrowser.GetStringAsync("/survey/report?handler=csv");
        var groupBeforeAssignment = await outsiderBrowser.GetStringAsync("/groups");
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));
        await admin.SubmitFormAsync("/admin/users?handler=AssignCommune",
            new() { ["userId"] = outsider.Id.ToString(), ["commune"] = People.Commune }, "/admin/users");
        var assignedReport = await outsiderBrowser.GetStringAsync("/survey/report");
        var groupAfterAssignment = await outsiderBrowser.GetStringAsync("/groups");

        localReport.Should().Contain("Đã trả lời: 5 / 5");
        outsiderReport.Should().Contain("Đã trả lời: 0 / 0", "co-running a group of a commune does not open its survey answers");
        outsiderCsv.Should().Contain(",Số người trả lời,0,");
        assignedReport.Should().Contain("Đã trả lời: 5 / 5");
        groupBeforeAssignment.Should().NotContain("Cán bộ phường", "a trainer's groups are limited to their communes too");
        groupAfterAssignment.Should().Contain("Cán bộ phường");
    }
}
