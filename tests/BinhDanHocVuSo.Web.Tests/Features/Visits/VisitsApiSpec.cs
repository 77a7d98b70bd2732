using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Features.Field;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Visits;

/// <summary>
/// <c>POST /api/visits</c>, where a team member's phone sends the visits it kept offline: a visit is kept once however often
/// it is sent, whole or not at all, only by a member of a team covering the village, and every refusal names its reason and
/// field. The test course "khoa-mau" has the lessons "bai-mot" and "bai-hai".
/// </summary>
public abstract class VisitsApiSpec(DatabaseProvider provider) : PlatformSpec(provider)
{
    const string A = People.Commune, B = People.OtherCommune;
    const string NaLan = A + "/thon-na-lan", PacBo = A + "/thon-pac-bo", BanGioc = B + "/thon-ban-gioc";

    Guid _team;
    People.Person _member = null!;
    HttpClient _phone = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Platform.VillagesAsync((NaLan, "Thôn Nà Lần", 400), (PacBo, "Thôn Pác Bó", 300), (BanGioc, "Thôn Bản Giốc", 350));
        _member = await Platform.CreateAsync(Roles.Trainer, A);
        _team = await Platform.TeamAsync(A, "Tổ số 1", [NaLan, PacBo], _member.Id);
        _phone = await Platform.SignedInAs(_member);
    }

    object Visit(Guid? id = null, Guid? team = null, string village = NaLan, string? visitedOn = "2026-11-22", params object[] people) => new
    {
        visitId = id ?? Guid.NewGuid(), teamId = team ?? _team, villageId = village, visitedOn, note = "Nhà văn hoá thôn",
        recordedAt = "2026-11-22T08:30:00Z", people = people.Length > 0 ? people : [Person()],
    };

    static object Person(Guid? id = null, string kind = "phone", string? phone = null, string? householdPhone = null, string name = "Hoàng Thị Mai",
        int? birthYear = null, bool consent = true, params string[] lessons) => new
    {
        personId = id ?? Guid.NewGuid(), kind, phone = kind == "phone" ? phone ?? People.NewPhone() : phone, householdPhone, fullName = name, birthYear, consent,
        lessons = (lessons.Length > 0 ? lessons : ["khoa-mau/bai-mot"]).Select(l => new { course = l.Split('/')[0], lesson = l.Split('/')[1] }),
    };

    static async Task<(string? Field, string? Detail)> ProblemOf(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.TryGetProperty("field", out var field) ? field.GetString() : null,
            json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null);
    }

    Task<int> Visits() => CountAsync(db => db.Visits());
    Task<int> Assisted() => CountAsync(db => db.AssistedPeople());
    Task<int> Marks() => CountAsync(db => db.AssistedMarks());

    [Fact]
    public async Task A_visit_sent_again_answers_the_first_result_and_adds_nothing()
    {
        var visitId = Guid.NewGuid();
        var (mai, lan) = (Guid.NewGuid(), Guid.NewGuid());
        var visit = Visit(visitId, people: [Person(mai, lessons: ["khoa-mau/bai-mot", "khoa-mau/bai-hai"]),
            Person(lan, kind: "nophone", phone: null, name: "Lục Văn Lân", birthYear: 1951)]);

        var first = await _phone.PostAsJsonAsync("/api/visits", visit);
        var again = await _phone.PostAsJsonAsync("/api/visits", visit);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        var result = await first.Content.ReadFromJsonAsync<ResultDto>();
        result.Should().Be(new ResultDto(visitId, _team, NaLan, new DateOnly(2026, 11, 22), 2, 3));
        (await Visits()).Should().Be(1);
        (await CountAsync(db => db.VisitPeople())).Should().Be(2);
        (await Assisted()).Should().Be(2);
        (await CountAsync(db => db.AssistedMarks().Where(m => m.VisitId == visitId && m.Kind == "lesson" && m.MemberId == _member.Id))).Should().Be(3);
        (await CountAsync(db => db.LessonCompletions.Where(c => c.LearnerId == mai))).Should().Be(2, "both lessons are credited to Mai, once");
        (await CountAsync(db => db.LessonCompletions.Where(c => c.LearnerId == lan && c.LessonSlug == "bai-mot"))).Should().Be(1);
        var kept = await InScope(s => s.GetRequiredService<AppDbContext>().Visits().SingleAsync());
        (kept.MemberId, kept.Commune, kept.Note, kept.RecordedAt).Should().Be((_member.Id, A, "Nhà văn hoá thôn", new DateTime(2026, 11, 22, 8, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public async Task A_person_helped_again_in_a_later_visit_is_one_person_with_two_visits()
    {
        var mai = Guid.NewGuid();
        var phone = People.NewPhone();

        (await _phone.PostAsJsonAsync("/api/visits", Visit(people: [Person(mai, phone: phone)]))).EnsureSuccessStatusCode();
        // Recorded again from a fresh form: a new id for the person, but the same own number.
        (await _phone.PostAsJsonAsync("/api/visits", Visit(people: [Person(Guid.NewGuid(), phone: phone, lessons: ["khoa-mau/bai-hai"])]))).EnsureSuccessStatusCode();

        (await Visits()).Should().Be(2);
        (await Assisted()).Should().Be(1);
        (await CountAsync(db => db.VisitPeople().Where(p => p.PersonId == mai))).Should().Be(2);
        (await CountAsync(db => db.LessonCompletions.Where(c => c.LearnerId == mai))).Should().Be(2);
    }

    [Fact]
    public async Task The_same_visit_id_from_another_team_is_refused_and_changes_nothing()
    {
        var other = await Platform.CreateAsync(Roles.Trainer, A);
        var otherTeam = await Platform.TeamAsync(A, "Tổ số 2", [PacBo], other.Id);
        var visitId = Guid.NewGuid();
        (await _phone.PostAsJsonAsync("/api/visits", Visit(visitId))).EnsureSuccessStatusCode();

        var response = await (await Platform.SignedInAs(other)).PostAsJsonAsync("/api/visits", Visit(visitId, otherTeam, PacBo));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemOf(response)).Should().Be(("visitId", "Mã chuyến thăm này đã được dùng cho một chuyến thăm khác."));
        (await Visits()).Should().Be(1);
        (await Assisted()).Should().Be(1);
    }

    public static TheoryData<string, string, string> Problems() => new()
    {
        { "no village", """{"visitId":"%ID%","teamId":"%TEAM%","visitedOn":"2026-11-22","people":[%PERSON%]}""", "villageId" },
        { "no date", """{"visitId":"%ID%","teamId":"%TEAM%","villageId":"%VILLAGE%","people":[%PERSON%]}""", "visitedOn" },
        { "a day after tomorrow", """{"visitId":"%ID%","teamId":"%TEAM%","villageId":"%VILLAGE%","visitedOn":"2026-11-25","people":[%PERSON%]}""", "visitedOn" },
        { "nobody helped", """{"visitId":"%ID%","teamId":"%TEAM%","villageId":"%VILLAGE%","visitedOn":"2026-11-22","people":[]}""", "people" },
        { "no visit id", """{"teamId":"%TEAM%","villageId":"%VILLAGE%","visitedOn":"2026-11-22","people":[%PERSON%]}""", "visitId" },
        { "a date that is not one", """{"visitId":"%ID%","teamId":"%TEAM%","villageId":"%VILLAGE%","visitedOn":"22/11/2026","people":[%PERSON%]}""", "visitedOn" },
        { "a year in words", """{"visitId":"%ID%","teamId":"%TEAM%","villageId":"%VILLAGE%","visitedOn":"2026-11-22","people":[%PERSON%,{"personId":"%ID2%","kind":"nophone","fullName":"Lân","birthYear":"năm mốt"}]}""", "people[1].birthYear" },
        { "second person's number", """{"visitId":"%ID%","teamId":"%TEAM%","villageId":"%VILLAGE%","visitedOn":"2026-11-22","people":[%PERSON%,{"personId":"%ID2%","kind":"phone","phone":"12345","fullName":"Lân","consent":true}]}""", "people[1].phone" },
        { "no consent", """{"visitId":"%ID%","teamId":"%TEAM%","villageId":"%VILLAGE%","visitedOn":"2026-11-22","people":[{"personId":"%ID2%","kind":"nophone","fullName":"Lân","birthYear":1950,"consent":false}]}""", "people[0].consent" },
        { "a lesson that does not exist", """{"visitId":"%ID%","teamId":"%TEAM%","villageId":"%VILLAGE%","visitedOn":"2026-11-22","people":[{"personId":"%ID2%","kind":"nophone","fullName":"Lân","birthYear":1950,"consent":true,"lessons":[{"course":"khoa-mau","lesson":"bai-mot"},{"course":"khoa-mau","lesson":"bai-chin"}]}]}""", "people[0].lessons[1]" },
        { "the same person twice", """{"visitId":"%ID%","teamId":"%TEAM%","villageId":"%VILLAGE%","visitedOn":"2026-11-22","people":[%PERSON%,%PERSON%]}""", "people[1].personId" },
        { "a NUL in a name", """{"visitId":"%ID%","teamId":"%TEAM%","villageId":"%VILLAGE%","visitedOn":"2026-11-22","people":[{"personId":"%ID2%","kind":"nophone","fullName":"L\u0000n","birthYear":1950,"consent":true}]}""", "people[0].fullName" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task A_visit_with_a_problem_is_refused_naming_the_field_and_nothing_is_kept(string what, string template, string field)
    {
        var person = $$"""{"personId":"{{Guid.NewGuid()}}","kind":"phone","phone":"{{People.NewPhone()}}","fullName":"Mai","consent":true,"lessons":[{"course":"khoa-mau","lesson":"bai-mot"}]}""";
        var json = template.Replace("%ID%", Guid.NewGuid().ToString()).Replace("%ID2%", Guid.NewGuid().ToString()).Replace("%TEAM%", _team.ToString())
            .Replace("%VILLAGE%", NaLan).Replace("%PERSON%", person);

        var response = await _phone.PostAsync("/api/visits", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, what);
        var (named, detail) = await ProblemOf(response);
        named.Should().Be(field, what);
        detail.Should().NotBeNullOrWhiteSpace();
        (await Visits()).Should().Be(0);
        (await Assisted()).Should().Be(0, "the first person of a refused visit is not registered either");
        (await Marks()).Should().Be(0);
        (await CountAsync(db => db.LessonCompletions)).Should().Be(0);
    }

    [Fact]
    public async Task A_visit_whose_second_person_is_refused_leaves_no_account_no_person_and_no_lesson_of_the_first()
    {
        var users = await CountAsync(db => db.Users);
        var mai = Guid.NewGuid();

        var response = await _phone.PostAsJsonAsync("/api/visits", Visit(people: [Person(mai), Person(kind: "household", householdPhone: "không có", name: "Lân")]));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemOf(response)).Field.Should().Be("people[1].householdPhone");
        (await CountAsync(db => db.Users)).Should().Be(users);
        (await CountAsync(db => db.LearnerVillages().Where(v => v.UserId == mai))).Should().Be(0);
        (await Assisted()).Should().Be(0);
        (await Visits()).Should().Be(0);
        (await CountAsync(db => db.LessonCompletions.Where(c => c.LearnerId == mai))).Should().Be(0);
    }

    // A page of another site can send a form or plain text here unasked, but not JSON: only JSON is accepted.
    [Fact]
    public async Task A_visit_sent_as_a_form_or_plain_text_as_another_site_could_is_refused_and_not_kept()
    {
        var json = JsonSerializer.Serialize(Visit());

        var form = await _phone.PostAsync("/api/visits", new FormUrlEncodedContent(new Dictionary<string, string> { ["visitId"] = Guid.NewGuid().ToString(), ["villageId"] = NaLan }));
        var text = await _phone.PostAsync("/api/visits", new StringContent(json, Encoding.UTF8, "text/plain"));

        form.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        text.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await Visits()).Should().Be(0);
    }

    [Fact]
    public async Task Only_a_member_of_a_team_covering_the_village_records_a_visit_there()
    {
        var memberOfB = await Platform.CreateAsync(Roles.Trainer, B);
        var teamOfB = await Platform.TeamAsync(B, "Tổ Bản Giốc", [BanGioc], memberOfB.Id);
        var otherCommune = await Platform.SignedInAs(memberOfB);
        var citizen = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Learner, A));
        var trainerInNoTeam = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer, A));

        var outcomes = new Dictionary<string, HttpStatusCode>
        {
            ["nobody signed in"] = (await Platform.Browser().PostAsJsonAsync("/api/visits", Visit())).StatusCode,
            ["a citizen"] = (await citizen.PostAsJsonAsync("/api/visits", Visit())).StatusCode,
            ["a trainer in no team"] = (await trainerInNoTeam.PostAsJsonAsync("/api/visits", Visit())).StatusCode,
            ["another commune's member, as our team"] = (await otherCommune.PostAsJsonAsync("/api/visits", Visit())).StatusCode,
            ["another commune's member, our village in their team"] = (await otherCommune.PostAsJsonAsync("/api/visits", Visit(team: teamOfB))).StatusCode,
            ["our member, a village the team does not cover"] = (await _phone.PostAsJsonAsync("/api/visits", Visit(village: BanGioc))).StatusCode,
        };

        outcomes.Should().Equal(new Dictionary<string, HttpStatusCode>
        {
            ["nobody signed in"] = HttpStatusCode.Unauthorized,
            ["a citizen"] = HttpStatusCode.Forbidden,
            ["a trainer in no team"] = HttpStatusCode.Forbidden,
            ["another commune's member, as our team"] = HttpStatusCode.NotFound,
            ["another commune's member, our village in their team"] = HttpStatusCode.NotFound,
            ["our member, a village the team does not cover"] = HttpStatusCode.NotFound,
        });
        (await Visits()).Should().Be(0);
        (await Assisted()).Should().Be(0);
    }

    protected sealed record ResultDto(Guid VisitId, Guid TeamId, string VillageId, DateOnly VisitedOn, int People, int Lessons);
}

public sealed class VisitsApiOnSqlite() : VisitsApiSpec(DatabaseProvider.Sqlite);

public sealed class VisitsApiOnPostgres() : VisitsApiSpec(DatabaseProvider.Postgres);
