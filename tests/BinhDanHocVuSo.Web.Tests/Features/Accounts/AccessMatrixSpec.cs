using System.Net;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Features.Survey;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Accounts;

/// <summary>
/// Who may open what: every role against every page and endpoint. "login" means the visitor is sent to sign in,
/// "denied" that a signed-in person lacks the role; ownership (another learner's progress, another commune's
/// learner) is checked in the specs of each feature and here where a page exposes it.
/// </summary>
public sealed class AccessMatrixSpec : IClassFixture<AccessMatrixSpec.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        TestDatabase _database = null!;
        public Platform Platform { get; private set; } = null!;
        public Dictionary<string, HttpClient> Browsers { get; } = [];

        /// <summary>One account of each role in the issuers' commune, whose password someone may try to reset.</summary>
        public Dictionary<string, People.Person> Targets { get; } = [];

        public async Task InitializeAsync()
        {
            _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            Platform = new Platform(_database);
            Browsers["anonymous"] = Platform.Browser();
            foreach (var role in Roles.All)
            {
                Browsers[role] = await Platform.SignedInAs(await Platform.CreateAsync(role));
                Targets[role] = await Platform.CreateAsync(role);
            }
            // An official whose survey response names a leadership position: the Official role, and their commune's report.
            Browsers[Leader] = await Platform.SignedInAs(await Platform.SubmittedRespondentAsync(role: "leadership"));
        }

        public async Task DisposeAsync()
        {
            await Platform.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    readonly Fixture _fixture;

    public AccessMatrixSpec(Fixture fixture) => _fixture = fixture;

    const string Ok = "ok", Login = "login", Denied = "denied", Leader = "leader";

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        void Row(string path, string anonymous, string learner, string official, string trainer, string admin)
        {
            data.Add(path, "anonymous", anonymous);
            data.Add(path, Roles.Learner, learner);
            data.Add(path, Roles.Official, official);
            data.Add(path, Roles.Trainer, trainer);
            data.Add(path, Roles.Admin, admin);
        }
        Row("/", Ok, Ok, Ok, Ok, Ok);
        Row("/c/khoa-mau", Ok, Ok, Ok, Ok, Ok);
        Row("/c/khoa-mau/bai-mot", Ok, Ok, Ok, Ok, Ok);
        Row("/api/courses", Ok, Ok, Ok, Ok, Ok);
        Row("/api/progress", Ok, Ok, Ok, Ok, Ok);
        Row("/account/login", Ok, Ok, Ok, Ok, Ok);
        Row("/account/register", Ok, Ok, Ok, Ok, Ok);
        Row("/account/data", Login, Ok, Ok, Ok, Ok);
        Row("/account/password", Login, Ok, Ok, Ok, Ok);
        Row("/join", Login, Ok, Ok, Ok, Ok);
        Row("/trainer/import", Login, Denied, Denied, Ok, Ok);
        Row("/trainer/reset", Login, Denied, Denied, Ok, Ok);
        Row("/admin/users", Login, Denied, Denied, Denied, Ok);
        Row("/admin/overview", Login, Denied, Denied, Denied, Ok);
        Row("/groups", Login, Denied, Denied, Ok, Ok);
        Row("/c/khoa-mau/poster", Ok, Ok, Ok, Ok, Ok);
        Row("/c/khoa-mau/chung-nhan", Login, "404 ", "404 ", "404 ", "404 ");
        Row("/survey", Login, Denied, Ok, Denied, Ok);
        Row("/survey/result", Login, Denied, Ok, Denied, Ok);
        Row("/survey/report", Login, Denied, Denied, Ok, Ok);
        Row("/survey/report?handler=csv", Login, Denied, Denied, Ok, Ok);
        Row("/survey/report?handler=moodle", Login, Denied, Denied, Ok, Ok);
        Row("/account/reset", Ok, Ok, Ok, Ok, Ok);
        Row("/account/denied", "403 ", "403 ", "403 ", "403 ", "403 ");
        Row("/trainer/import/00000000-0000-0000-0000-000000000001", Login, Denied, Denied, "404 ", "404 ");
        Row("/groups/00000000-0000-0000-0000-000000000001", Login, Denied, Denied, "404 ", "404 ");
        Row("/join/ABCDEF", Login, "404 ", "404 ", "404 ", "404 ");
        Row("/posters", Ok, Ok, Ok, Ok, Ok);
        Row("/c/khoa-mau/bai-mot/poster", Ok, Ok, Ok, Ok, Ok);
        Row("/xac-minh/00000000-0000-0000-0000-000000000001", "404 ", "404 ", "404 ", "404 ", "404 ");
        Row("/offline", Ok, Ok, Ok, Ok, Ok);
        Row("/survey/page/1", Login, Denied, "302 /survey", Denied, "302 /survey");
        Row("/survey/review", Login, Denied, "302 /survey", Denied, "302 /survey");
        Row("/api/progress/khoa-mau", Ok, Ok, Ok, Ok, Ok);
        // Field work (issue 21): a trainer in no team, a learner and an official who leads nothing reach none of it.
        Row("/admin/villages", Login, Denied, Denied, Denied, Ok);
        Row("/teams", Login, Denied, Denied, Denied, Ok);
        Row("/teams/00000000-0000-0000-0000-000000000001", Login, Denied, Denied, Denied, "404 ");
        Row("/progress", Login, Denied, Denied, Denied, Ok);
        Row("/progress/report", Login, Denied, Denied, Denied, Ok);
        Row("/progress/report?handler=csv", Login, Denied, Denied, Denied, Ok);
        Row("/progress/report?handler=xlsx", Login, Denied, Denied, Denied, Ok);
        Row("/progress/report?commune=cao-bang/xa-bach-dang&month=2026-11", Login, Denied, Denied, Denied, Ok);
        Row("/account/village", Login, Ok, Ok, Ok, Ok);
        // Hướng dẫn tại nhà: only a member of a team (see AssistSpec); a trainer in no team and an administrator are not.
        Row("/assist", Login, Denied, Denied, Denied, Denied);
        Row("/assist/new", Login, Denied, Denied, Denied, Denied);
        Row("/assist/00000000-0000-0000-0000-000000000001", Login, Denied, Denied, Denied, Denied);
        // Posters placed in a commune (issue 21): placed by a leader, a team member or an administrator; /q/ is anyone's.
        Row("/posters/placed", Login, Denied, Denied, Denied, Ok);
        Row("/posters/placed/ZZZZ2345", Login, Denied, Denied, Denied, "404 ");
        Row("/q/ZZZZ2345", "404 ", "404 ", "404 ", "404 ", "404 ");
        Row("/api/posters/ZZZZ2345/scans", "405 ", "405 ", "405 ", "405 ", "405 ");
        // Visits (issue 21): only a member of a team with villages; the trainer and the administrator here are in no team.
        Row("/visits", Login, Denied, Denied, Denied, Denied);
        Row("/visits/new", Login, Denied, Denied, Denied, Denied);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_reaches_exactly_the_pages_meant_for_it(string path, string who, string expected)
    {
        var response = await _fixture.Browsers[who].GetAsync(path);

        var outcome = response.StatusCode switch
        {
            HttpStatusCode.OK => Ok,
            HttpStatusCode.Redirect when response.Headers.Location!.AbsolutePath() == "/account/login" => Login,
            HttpStatusCode.Redirect when response.Headers.Location!.AbsolutePath() == "/account/denied" => Denied,
            _ => $"{(int)response.StatusCode} {response.Headers.Location}",
        };
        outcome.Should().Be(expected);
    }

    /// <summary>
    /// What a leader reaches beyond an official: their commune's survey report and its exports, read only (the action that
    /// assigns courses is refused, see SurveyReportPageSpec); nothing of a trainer's or an administrator's.
    /// </summary>
    public static TheoryData<string, string> LeaderMatrix() => new()
    {
        { "/survey", Ok },
        { "/survey/result", Ok },
        { "/survey/report", Ok },
        { "/survey/report?by=commune&by=position", Ok },
        { "/survey/report?handler=csv", Ok },
        { "/survey/report?handler=moodle", Ok },
        { "/groups", Denied },
        { "/trainer/import", Denied },
        { "/trainer/reset", Denied },
        { "/admin/users", Denied },
        { "/admin/overview", Denied },
        { "/progress", Ok },
        { "/progress/report", Ok },
        { "/progress/report?handler=csv", Ok },
        { "/progress/report?handler=xlsx", Ok },
        { "/progress/report?commune=cao-bang/xa-bach-dang", "404 " },
        { "/teams", Ok },
        { "/admin/villages", Denied },
        { "/assist", Denied },
        { "/posters/placed", Ok },
        { "/posters/placed/ZZZZ2345", "404 " },
    };

    [Theory]
    [MemberData(nameof(LeaderMatrix))]
    public async Task A_leader_reaches_their_commune_s_report_and_nothing_of_a_trainer(string path, string expected)
    {
        var response = await _fixture.Browsers[Leader].GetAsync(path);

        var outcome = response.StatusCode switch
        {
            HttpStatusCode.OK => Ok,
            HttpStatusCode.Redirect when response.Headers.Location!.AbsolutePath() == "/account/denied" => Denied,
            _ => $"{(int)response.StatusCode} {response.Headers.Location}",
        };
        outcome.Should().Be(expected);
    }

    const string Refused = "refused";

    /// <summary>Who may issue a reset code for whom: a trainer only for a learner, an administrator for anyone.</summary>
    public static TheoryData<string, string, string> ResetMatrix()
    {
        var data = new TheoryData<string, string, string>();
        void Row(string target, string anonymous, string learner, string official, string trainer, string admin)
        {
            data.Add("anonymous", target, anonymous);
            data.Add(Roles.Learner, target, learner);
            data.Add(Roles.Official, target, official);
            data.Add(Roles.Trainer, target, trainer);
            data.Add(Roles.Admin, target, admin);
        }
        Row(Roles.Learner, Login, Denied, Denied, Ok, Ok);
        Row(Roles.Official, Login, Denied, Denied, Refused, Ok);
        Row(Roles.Trainer, Login, Denied, Denied, Refused, Ok);
        Row(Roles.Admin, Login, Denied, Denied, Refused, Ok);
        return data;
    }

    [Theory]
    [MemberData(nameof(ResetMatrix))]
    public async Task Only_an_administrator_issues_reset_codes_for_staff_accounts(string issuer, string target, string expected)
    {
        // The login page gives this browser an anti-forgery token whether or not it may open the reset page.
        var response = await _fixture.Browsers[issuer].SubmitFormAsync("/trainer/reset",
            new() { ["phone"] = _fixture.Targets[target].Phone }, formPage: "/account/login");

        var outcome = response.StatusCode switch
        {
            HttpStatusCode.OK when (await response.Content.ReadAsStringAsync()).Contains("result right") => Ok,
            HttpStatusCode.NotFound => Refused,
            HttpStatusCode.Redirect when response.Headers.Location!.AbsolutePath() == "/account/login" => Login,
            HttpStatusCode.Redirect when response.Headers.Location!.AbsolutePath() == "/account/denied" => Denied,
            _ => $"{(int)response.StatusCode} {response.Headers.Location}",
        };
        outcome.Should().Be(expected);
    }

    [Fact]
    public async Task A_learner_reads_only_their_own_progress()
    {
        var learner = _fixture.Browsers[Roles.Learner];
        var other = _fixture.Browsers[Roles.Official];
        await learner.MarkLessonDoneAsync("khoa-mau", "bai-hai");

        var theirs = await other.GetStringAsync("/api/progress/khoa-mau");

        theirs.Should().NotContain("bai-hai");
    }
}

static class UriExtensions
{
    public static string AbsolutePath(this Uri uri) => uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
}
