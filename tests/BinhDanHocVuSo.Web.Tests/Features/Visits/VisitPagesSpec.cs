using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Features.Field;
using BinhDanHocVuSo.Web.Tests.Features.Survey;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Visits;

/// <summary>
/// The visit form without JavaScript (an ordinary form whose ids the page made, so a second press records nothing more),
/// the visit log, and the visits section of the progress page with its fewer-than-5 rule.
/// </summary>
public sealed partial class VisitPagesSpec() : PlatformSpec(DatabaseProvider.Sqlite)
{
    const string A = People.Commune;
    const string NaLan = A + "/thon-na-lan", PacBo = A + "/thon-pac-bo";

    Guid _team;
    People.Person _member = null!;
    HttpClient _phone = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Platform.VillagesAsync((NaLan, "Thôn Nà Lần", 400), (PacBo, "Thôn Pác Bó", 300));
        _member = await Platform.CreateAsync(Roles.Trainer, A);
        _team = await Platform.TeamAsync(A, "Tổ số 1", [NaLan, PacBo], _member.Id);
        _phone = await Platform.SignedInAs(_member);
    }

    Dictionary<string, string> Form(string page, string name = "Hoàng Thị Mai", string phone = "0912 345 001", bool consent = true)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
            ["visitId"] = Hidden("visitId").Match(page).Groups[1].Value,
            ["place"] = $"{_team}|{NaLan}",
            ["visitedOn"] = "2026-11-22",
            ["note"] = "Họp thôn",
            ["people[0].personId"] = Hidden(Regex.Escape("people[0].personId")).Match(page).Groups[1].Value,
            ["people[0].kind"] = "phone",
            ["people[0].phone"] = phone,
            ["people[0].fullName"] = name,
            ["people[0].lessons"] = "khoa-mau/bai-mot",
        };
        if (consent)
        {
            fields["people[0].consent"] = "true";
        }
        return fields;
    }

    [Fact]
    public async Task The_form_without_JavaScript_records_the_visit_once_however_often_it_is_pressed_and_the_log_shows_it()
    {
        var page = await _phone.GetStringAsync("/visits/new");
        page.Should().Contain("Thôn Nà Lần").And.Contain("Người dân đã đọc và đồng ý").And.Contain("Tôi đồng ý để thành viên Tổ công nghệ số cộng đồng")
            .And.Contain("value=\"khoa-mau/bai-mot\"");
        var form = Form(page);

        var first = await _phone.PostAsync("/visits/new", new FormUrlEncodedContent(form));
        var again = await _phone.PostAsync("/visits/new", new FormUrlEncodedContent(form));

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        again.Headers.Location.Should().Be(first.Headers.Location);
        (await CountAsync(db => db.Visits())).Should().Be(1);
        (await CountAsync(db => db.AssistedPeople().Where(p => p.Phone == "0912345001" && p.Kind == "phone"))).Should().Be(1);
        var log = await _phone.GetStringAsync(first.Headers.Location!.OriginalString);
        log.Should().Contain("Đã ghi chuyến thăm ngày 22/11/2026 tại Thôn Nà Lần: 1 người, 1 bài học.");
        LogRows().Matches(log).Should().HaveCount(1);
    }

    [Fact]
    public async Task A_form_with_a_problem_comes_back_with_what_was_typed_and_the_reason_and_nothing_is_recorded()
    {
        var page = await _phone.GetStringAsync("/visits/new");

        var response = await _phone.PostAsync("/visits/new", new FormUrlEncodedContent(Form(page, phone: "12345")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var again = await response.Content.ReadAsStringAsync();
        again.Should().Contain("role=\"alert\"").And.Contain("Người thứ 1:").And.Contain("value=\"Hoàng Thị Mai\"")
            .And.Contain("id=\"people-0-phone\" name=\"people[0].phone\"");
        Regex.IsMatch(again, "id=\"people-0-phone\"[^>]*aria-invalid=\"true\"").Should().BeTrue("the number is marked as the field to correct");
        (await CountAsync(db => db.Visits())).Should().Be(0);
        (await CountAsync(db => db.AssistedPeople())).Should().Be(0);
    }

    [Fact]
    public async Task Adding_a_person_without_JavaScript_brings_the_form_back_with_a_second_person_and_keeps_the_first()
    {
        var page = await _phone.GetStringAsync("/visits/new");

        var response = await _phone.PostAsync("/visits/new?handler=more", new FormUrlEncodedContent(Form(page)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var more = await response.Content.ReadAsStringAsync();
        more.Should().Contain("value=\"Hoàng Thị Mai\"").And.Contain("Người thứ 2").And.Contain("name=\"people[1].personId\"");
        (await CountAsync(db => db.Visits())).Should().Be(0);
    }

    [Fact]
    public async Task The_commune_page_counts_visits_and_people_per_village_and_hides_fewer_than_five_people()
    {
        async Task Send(string village, params object[] people) => (await _phone.PostAsJsonAsync("/api/visits", new
        {
            visitId = Guid.NewGuid(), teamId = _team, villageId = village, visitedOn = "2026-11-22", people,
        })).EnsureSuccessStatusCode();
        object Person(string kind, int i) => new
        {
            personId = Guid.NewGuid(), kind, phone = kind == "phone" ? People.NewPhone() : null, fullName = $"Người {i}", birthYear = 1950 + i, consent = true,
        };
        // Nà Lần: 6 people in two visits, one of them without a phone; Pác Bó: 4 people in one visit.
        await Send(NaLan, Person("phone", 0), Person("phone", 1), Person("phone", 2));
        await Send(NaLan, Person("phone", 3), Person("phone", 4), Person("nophone", 5));
        await Send(PacBo, Person("phone", 6), Person("phone", 7), Person("phone", 8), Person("phone", 9));
        var leader = await Platform.SignedInAs(await Platform.SubmittedRespondentAsync(commune: A, role: "leadership"));

        var commune = await leader.GetStringAsync($"/progress?commune={Uri.EscapeDataString(A)}");
        var team = await _phone.GetStringAsync($"/progress?team={_team}");

        // Nà Lần's one person without a phone is hidden, and so is its total (6 less the 5 with a phone would tell it);
        // Pác Bó's 4 are hidden; together the hidden make 5, so the commune's 10 may be shown, its 1 without a phone not.
        Figures(commune).Should().Equal(new Dictionary<string, string>
        {
            [NaLan] = "2 2 ẩn < 5", [PacBo] = "1 1 < 5 0", ["total"] = "3 3 10 < 5",
        });
        // A team's total is shown only where each of its villages is.
        Figures(team).Should().Equal(new Dictionary<string, string>
        {
            [NaLan] = "2 2 ẩn < 5", [PacBo] = "1 1 < 5 0", ["total"] = "3 3 ẩn < 5",
        });
        team.Should().Contain("href=\"/visits/new\"", "a team member finds the visit form from their team's progress");
        var teamPage = await _phone.GetStringAsync($"/teams/{_team}");
        Figures(teamPage).Should().Equal(Figures(team), "the team's own page shows the same section");
        teamPage.Should().Contain("href=\"/visits/new\"");
    }

    static Dictionary<string, string> Figures(string page) => VisitRow().Matches(page).ToDictionary(m => m.Groups[1].Value,
        m => string.Join(' ', Regex.Matches(m.Groups[2].Value, "<td[^>]*>([^<]*)</td>").Select(c => WebUtility.HtmlDecode(c.Groups[1].Value).Trim())));

    [GeneratedRegex("<tr data-visits=\"([^\"]+)\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex VisitRow();

    [GeneratedRegex("<tr data-visit=\"")]
    private static partial Regex LogRows();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex Token();

    static Regex Hidden(string name) => new($"name=\"{name}\" value=\"([^\"]+)\"");
}
