using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Features.Survey;
using BinhDanHocVuSo.Web.Tests.Support;
using static BinhDanHocVuSo.Web.Tests.Features.Field.FieldSeed;

namespace BinhDanHocVuSo.Web.Tests.Features.Field;

/// <summary>
/// Who sees which villages' progress: a team member only their team's villages; a commune's leader their commune (every
/// village and team of it) and no other; anyone else none of it (sent to "denied" when they reach no field work at all,
/// "not found" for a commune or team out of their reach).
/// </summary>
public sealed class FieldScopeSpec() : PlatformSpec(DatabaseProvider.Sqlite)
{
    const string A = People.Commune, B = People.OtherCommune;
    const string NaLan = A + "/thon-na-lan", PacBo = A + "/thon-pac-bo", KhuoiKhon = A + "/thon-khuoi-khon", BanGioc = B + "/thon-ban-gioc";

    Guid _teamOne, _teamTwo, _teamOfB;
    HttpClient _member = null!, _leader = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Platform.VillagesAsync((NaLan, "Thôn Nà Lần", 400), (PacBo, "Thôn Pác Bó", 300), (KhuoiKhon, "Thôn Khuổi Khon", 250), (BanGioc, "Thôn Bản Giốc", 350));
        var member = await Platform.CreateAsync(Roles.Trainer, A);
        _teamOne = await Platform.TeamAsync(A, "Tổ số 1", [NaLan, PacBo], member.Id);
        _teamTwo = await Platform.TeamAsync(A, "Tổ số 2", [KhuoiKhon]);
        _teamOfB = await Platform.TeamAsync(B, "Tổ Bản Giốc", [BanGioc]);
        await Platform.TargetAsync(null);
        _member = await Platform.SignedInAs(member);
        _leader = await Platform.SignedInAs(await Platform.SubmittedRespondentAsync(commune: A, role: "leadership"));
    }

    static IEnumerable<string> Keys(string page) => Tables(page).SelectMany(t => t).Select(r => r.Key);

    [Fact]
    public async Task A_team_member_sees_their_team_and_its_villages_only()
    {
        var start = await _member.GetStringAsync("/progress");
        var team = await _member.GetStringAsync($"/progress?team={_teamOne}");
        var teamPage = await _member.GetStringAsync($"/teams/{_teamOne}");

        start.Should().Contain($"/progress?team={_teamOne}").And.NotContain(_teamTwo.ToString()).And.NotContain(_teamOfB.ToString());
        Tables(start).Should().BeEmpty("a team member reads no commune or province figure");
        Keys(team).Should().BeEquivalentTo([NaLan, PacBo, _teamOne.ToString()]);
        team.Should().Contain("Thôn Nà Lần").And.Contain("Thôn Pác Bó").And.NotContain("Khuổi Khon").And.NotContain("Bản Giốc");
        teamPage.Should().Contain("Thôn Nà Lần").And.Contain("Thôn Pác Bó").And.NotContain("Khuổi Khon")
            .And.NotContain("name=\"villages\"", "a member reads the team but does not change it");
    }

    [Fact]
    public async Task A_team_member_does_not_reach_another_team_their_commune_or_the_province()
    {
        var outcomes = new Dictionary<string, string>
        {
            ["other team of the commune"] = Outcome(await _member.GetAsync($"/progress?team={_teamTwo}")),
            ["team of another commune"] = Outcome(await _member.GetAsync($"/progress?team={_teamOfB}")),
            ["their commune"] = Outcome(await _member.GetAsync($"/progress?commune={Uri.EscapeDataString(A)}")),
            ["other team's page"] = Outcome(await _member.GetAsync($"/teams/{_teamTwo}")),
            ["villages loader"] = Outcome(await _member.GetAsync("/admin/villages")),
        };

        outcomes.Should().Equal(new Dictionary<string, string>
        {
            ["other team of the commune"] = "404", ["team of another commune"] = "404", ["their commune"] = "404",
            ["other team's page"] = "404", ["villages loader"] = "denied",
        });
    }

    [Fact]
    public async Task A_commune_leader_sees_every_village_and_team_of_their_commune_and_nothing_of_another()
    {
        var commune = await _leader.GetStringAsync("/progress");
        var ownTeam = await _leader.GetAsync($"/progress?team={_teamTwo}");
        var outcomes = new Dictionary<string, string>
        {
            ["other commune"] = Outcome(await _leader.GetAsync($"/progress?commune={Uri.EscapeDataString(B)}")),
            ["other commune's team"] = Outcome(await _leader.GetAsync($"/progress?team={_teamOfB}")),
            ["other commune's team page"] = Outcome(await _leader.GetAsync($"/teams/{_teamOfB}")),
        };

        Keys(commune).Should().BeEquivalentTo([NaLan, PacBo, KhuoiKhon, A + "/-", A]);
        commune.Should().Contain($"/progress?team={_teamOne}").And.Contain($"/progress?team={_teamTwo}").And.NotContain(_teamOfB.ToString())
            .And.NotContain("Bản Giốc");
        Outcome(ownTeam).Should().Be("ok");
        outcomes.Should().Equal(new Dictionary<string, string>
        {
            ["other commune"] = "404", ["other commune's team"] = "404", ["other commune's team page"] = "404",
        });
    }

    [Fact]
    public async Task A_learner_an_official_and_a_trainer_in_no_team_reach_no_progress_or_team()
    {
        var outcomes = new List<string>();
        foreach (var role in new[] { Roles.Learner, Roles.Official, Roles.Trainer })
        {
            var browser = await Platform.SignedInAs(await Platform.CreateAsync(role, A));
            outcomes.Add($"{role} /progress: {Outcome(await browser.GetAsync("/progress"))}");
            outcomes.Add($"{role} team: {Outcome(await browser.GetAsync($"/progress?team={_teamOne}"))}");
            outcomes.Add($"{role} commune: {Outcome(await browser.GetAsync($"/progress?commune={Uri.EscapeDataString(A)}"))}");
            outcomes.Add($"{role} team page: {Outcome(await browser.GetAsync($"/teams/{_teamOne}"))}");
        }

        outcomes.Should().OnlyContain(o => o.EndsWith(": denied"), "who reaches no field work is refused every page of it");
    }
}
