using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Posters;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Features.Field;
using BinhDanHocVuSo.Web.Tests.Features.Survey;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Posters;

/// <summary>
/// Posters placed in a commune: a leader, a team member of the commune or an administrator prints one for a place; its QR
/// code opens <c>/q/{code}</c>, which leads to the lesson without writing anything; the lesson page then sends the scan,
/// which counts once however often it is sent, in its Vietnamese week and its commune on <c>/progress</c>.
/// </summary>
public abstract partial class PlacedPostersSpec(DatabaseProvider provider) : PlatformSpec(provider)
{
    const string A = People.Commune, B = People.OtherCommune;
    const string Place = "Nhà văn hoá thôn Nà Lần";

    HttpClient _leader = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _leader = await Platform.SignedInAs(await Platform.SubmittedRespondentAsync(commune: A, role: "leadership"));
    }

    /// <summary>Places a poster through the form and returns its code.</summary>
    static async Task<string> PlaceAsync(HttpClient browser, string commune = A, string target = "khoa-mau/bai-hai", string place = Place)
    {
        var response = await browser.SubmitFormAsync("/posters/placed", new() { ["commune"] = commune, ["target"] = target, ["place"] = place });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return PlacedAddress().Match(response.Headers.Location!.OriginalString).Groups[1].Value;
    }

    static Task<HttpResponseMessage> ScanAsync(HttpClient browser, string code, Guid scanId) =>
        browser.PostAsync($"/api/posters/{code}/scans", JsonContent.Create(new { scanId }));

    Task<int> ScansAsync() => CountAsync(db => db.PosterScans());

    [Fact]
    public async Task A_poster_placed_by_a_commune_leader_shows_a_QR_code_of_its_q_address_and_the_place()
    {
        var code = await PlaceAsync(_leader);

        var sheet = (await _leader.GetStringAsync($"/posters/placed/{code}")).Replace("<wbr>", ""); // Addresses may break only after a slash, dot or dash (<wbr>): read them whole.

        code.Should().MatchRegex("^[A-HJ-NP-Z2-9]{8}$", "a short code without 0/O or 1/I");
        var url = $"http://localhost/q/{code}";
        QrPathIn(sheet).Should().Be(QrCode.Draw(url).Path, "the QR code must open the poster's own address, so its scans are counted");
        sheet.Should().Contain($"<strong class=\"poster-url\">{url}</strong>").And.Contain(Place).And.Contain("Bài hai");
        var row = await InScope(s => s.GetRequiredService<AppDbContext>().Posters().SingleAsync());
        (row.Code, row.Commune, row.CourseSlug, row.LessonSlug, row.Place).Should().Be((code, A, "khoa-mau", "bai-hai", Place));
        (await _leader.GetStringAsync("/posters/placed")).Should().Contain($"href=\"/posters/placed/{code}\"").And.Contain("JavaScript");
    }

    [Fact]
    public async Task Opening_the_q_address_leads_to_the_lesson_with_the_code_in_the_fragment_and_writes_nothing()
    {
        var code = await PlaceAsync(_leader);
        var course = await PlaceAsync(_leader, target: "khoa-mau", place: "Bộ phận một cửa UBND xã");
        var visitor = Platform.Browser();
        var before = (await ScansAsync(), await CountAsync(db => db.Posters()));

        var toLesson = await visitor.GetAsync($"/q/{code}");
        var toCourse = await visitor.GetAsync($"/q/{course.ToLowerInvariant()}");

        toLesson.StatusCode.Should().Be(HttpStatusCode.Redirect);
        toLesson.Headers.Location!.OriginalString.Should().Be($"/c/khoa-mau/bai-hai#q={code}");
        toCourse.Headers.Location!.OriginalString.Should().Be($"/c/khoa-mau#q={course}", "a code typed in small letters is the same code");
        (await ScansAsync(), await CountAsync(db => db.Posters())).Should().Be(before, "a GET never writes: the page the code opens sends the scan");
    }

    [Fact]
    public async Task An_unknown_code_is_not_found_with_a_reason_on_the_page_and_in_the_API()
    {
        var visitor = Platform.Browser();

        var page = await visitor.GetAsync("/q/ZZZZ2345");
        var api = await ScanAsync(visitor, "ZZZZ2345", Guid.NewGuid());

        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).Should().Contain("Không tìm thấy áp phích này").And.Contain("ZZZZ2345");
        api.StatusCode.Should().Be(HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await api.Content.ReadAsStringAsync()).Should().Contain("Không có áp phích nào mang mã");
        (await ScansAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Sending_the_same_scan_twice_counts_it_once()
    {
        var code = await PlaceAsync(_leader);
        var other = await PlaceAsync(_leader, place: "Bộ phận một cửa UBND xã");
        var phone = Platform.Browser();
        var scan = Guid.NewGuid();

        var first = await ScanAsync(phone, code, scan);
        var again = await ScanAsync(phone, code, scan);
        var forAnother = await ScanAsync(phone, other, scan);

        first.StatusCode.Should().Be(HttpStatusCode.NoContent);
        again.StatusCode.Should().Be(HttpStatusCode.NoContent, "a resend (the answer was lost, the phone was offline) is answered like the first");
        forAnother.StatusCode.Should().Be(HttpStatusCode.Conflict, "a scan id belongs to one poster");
        (await ScansAsync()).Should().Be(1);
    }

    [Fact]
    public async Task A_scan_sent_as_a_form_or_without_its_id_is_refused_with_a_reason_and_counts_nothing()
    {
        var code = await PlaceAsync(_leader);
        var phone = Platform.Browser();

        var form = await phone.PostAsync($"/api/posters/{code}/scans", new FormUrlEncodedContent(new Dictionary<string, string> { ["scanId"] = Guid.NewGuid().ToString() }));
        var bodies = new List<HttpResponseMessage>();
        foreach (var body in new[] { "", "{", "{}", "[1]", "{\"scanId\": \"khong-phai-uuid\"}", $"{{\"scanId\": \"{Guid.Empty}\"}}" })
        {
            bodies.Add(await phone.PostAsync($"/api/posters/{code}/scans", new StringContent(body, System.Text.Encoding.UTF8, "application/json")));
        }

        form.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType, "another site can make a browser post a form, never JSON");
        (await form.Content.ReadAsStringAsync()).Should().Contain("Yêu cầu không hợp lệ", "the same refusal as the learning API's for a form");
        bodies.Select(b => (int)b.StatusCode).Should().AllBeEquivalentTo(400);
        bodies.Select(b => b.Content.Headers.ContentType!.MediaType).Should().AllBe("application/problem+json");
        (await bodies[0].Content.ReadAsStringAsync()).Should().Contain("scanId");
        (await ScansAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Two_different_scans_count_twice_in_their_Vietnamese_week_and_commune_on_the_progress_pages()
    {
        var code = await PlaceAsync(_leader);
        var other = await PlaceAsync(_leader, target: "khoa-mau", place: "Bộ phận một cửa UBND xã");
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));
        var elsewhere = await PlaceAsync(admin, commune: B, place: "Nhà văn hoá thôn Bản Giốc");
        var phone = Platform.Browser();
        // Sunday 29/11/2026 at 23:30 in Vietnam is still week 48 (from Monday 23/11); Monday 30/11 at 00:30 is week 49.
        Platform.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 16, 30, 0, TimeSpan.Zero));
        (await ScanAsync(phone, code, Guid.NewGuid())).StatusCode.Should().Be(HttpStatusCode.NoContent);
        Platform.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 17, 30, 0, TimeSpan.Zero));
        (await ScanAsync(phone, code, Guid.NewGuid())).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await ScanAsync(phone, elsewhere, Guid.NewGuid())).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var commune = await _leader.GetStringAsync("/progress");
        var province = await admin.GetStringAsync("/progress");
        var communeB = await admin.GetStringAsync($"/progress?commune={Uri.EscapeDataString(B)}");

        Weeks(commune).Should().Equal(EightWeeks(("2026-11-23", "1"), ("2026-11-30", "1")));
        PosterRows(commune).Should().BeEquivalentTo([(code, "2", "2"), (other, "0", "0")], "per poster: the last 8 weeks, and since it was placed");
        commune.Should().Contain(Place).And.NotContain(elsewhere).And.Contain("role=\"img\"")
            .And.Contain("Tuần 48 (từ 23/11): 1; Tuần 49 (từ 30/11): 1", "the chart's label gives its figures to a screen reader");
        Weeks(communeB).Should().Equal(EightWeeks(("2026-11-30", "1")));
        Weeks(province).Should().Equal(EightWeeks(("2026-11-23", "1"), ("2026-11-30", "2")));
        CommuneRows(province).Should().BeEquivalentTo([
            (A, "2", "0 0 0 0 0 0 1 1", "2"),
            (B, "1", "0 0 0 0 0 0 0 1", "1"),
        ]);
    }

    [Fact]
    public async Task A_team_member_places_posters_in_their_team_s_commune_only()
    {
        var ofA = await Platform.CreateAsync(Roles.Trainer, A);
        var ofB = await Platform.CreateAsync(Roles.Trainer, B);
        await Platform.TeamAsync(A, "Tổ số 1", [], ofA.Id);
        await Platform.TeamAsync(B, "Tổ Bản Giốc", [], ofB.Id);
        var memberOfA = await Platform.SignedInAs(ofA);
        var memberOfB = await Platform.SignedInAs(ofB);
        var code = await PlaceAsync(memberOfA);

        var intoA = await memberOfB.SubmitFormAsync("/posters/placed", new() { ["commune"] = A, ["target"] = "khoa-mau", ["place"] = Place });
        var sheetOfA = await memberOfB.GetAsync($"/posters/placed/{code}");
        var listOfB = await memberOfB.GetStringAsync("/posters/placed");

        intoA.StatusCode.Should().Be(HttpStatusCode.NotFound, "a commune out of reach is not found, as on the progress pages");
        sheetOfA.StatusCode.Should().Be(HttpStatusCode.NotFound);
        listOfB.Should().NotContain(code).And.Contain($"value=\"{B}\"").And.NotContain($"value=\"{A}\"");
        (await CountAsync(db => db.Posters().Where(p => p.Commune == A))).Should().Be(1);
        (await CountAsync(db => db.Posters().Where(p => p.Commune == B))).Should().Be(0);
    }

    [Fact]
    public async Task A_learner_or_a_trainer_in_no_team_places_no_poster()
    {
        var outcomes = new List<string>();
        foreach (var role in new[] { Roles.Learner, Roles.Trainer, Roles.Official })
        {
            var browser = await Platform.SignedInAs(await Platform.CreateAsync(role, A));
            var response = await browser.SubmitFormAsync("/posters/placed", new() { ["commune"] = A, ["target"] = "khoa-mau", ["place"] = Place }, "/account/login");
            outcomes.Add($"{role}: {FieldSeed.Outcome(response)}");
        }

        outcomes.Should().Equal($"{Roles.Learner}: denied", $"{Roles.Trainer}: denied", $"{Roles.Official}: denied");
        (await CountAsync(db => db.Posters())).Should().Be(0);
    }

    [Theory]
    [InlineData("", "khoa-mau", "Nơi dán áp phích: hãy ghi nơi dán, từ 1 đến 120 ký tự.")]
    [InlineData("   ", "khoa-mau", "Nơi dán áp phích: hãy ghi nơi dán, từ 1 đến 120 ký tự.")]
    [InlineData("long", "khoa-mau", "Nơi dán áp phích: hãy ghi nơi dán, từ 1 đến 120 ký tự.")]
    [InlineData(Place, "khong-co", "Khoá học hoặc bài học: hãy chọn một khoá học hoặc bài học trong danh sách.")]
    [InlineData(Place, "khoa-mau/khong-co", "Khoá học hoặc bài học: hãy chọn một khoá học hoặc bài học trong danh sách.")]
    public async Task A_poster_without_a_place_or_with_an_unknown_lesson_is_refused_naming_the_field(string place, string target, string message)
    {
        var response = await _leader.SubmitFormAsync("/posters/placed",
            new() { ["commune"] = A, ["target"] = target, ["place"] = place == "long" ? new string('x', 121) : place });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain(message);
        (await CountAsync(db => db.Posters())).Should().Be(0);
    }

    static string[] EightWeeks(params (string Monday, string Scans)[] figures)
    {
        var last = new DateOnly(2026, 11, 30);
        return [.. Enumerable.Range(0, 8).Select(i => last.AddDays(-7 * i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Select(monday => $"{monday}: {figures.FirstOrDefault(f => f.Monday == monday).Scans ?? "0"}")];
    }

    static IEnumerable<string> Weeks(string page) => WeekRow().Matches(page).Select(m => $"{m.Groups[1].Value}: {m.Groups[2].Value}");

    static IEnumerable<(string, string, string)> PosterRows(string page) =>
        PosterRow().Matches(page).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value));

    static IEnumerable<(string, string, string, string)> CommuneRows(string page) => CommuneRow().Matches(page).Select(m =>
        (m.Groups[1].Value, m.Groups[2].Value, string.Join(" ", WeekCell().Matches(m.Groups[3].Value).Select(c => c.Groups[1].Value)), m.Groups[4].Value));

    static string QrPathIn(string page) => Regex.Match(page, "<svg class=\"qr\"[^>]*>.*?<path fill=\"#000\" d=\"([^\"]+)\"").Groups[1].Value;

    [GeneratedRegex("^/posters/placed/([A-Z0-9]+)$")]
    private static partial Regex PlacedAddress();

    [GeneratedRegex("<tr data-week=\"([0-9-]+)\">.*?<td data-figure=\"scans\">([^<]*)</td>")]
    private static partial Regex WeekRow();

    [GeneratedRegex("<tr data-poster=\"([A-Z0-9]+)\">.*?<td data-figure=\"weeks\">([^<]*)</td><td data-figure=\"total\">([^<]*)</td>")]
    private static partial Regex PosterRow();

    [GeneratedRegex("<tr data-commune=\"([^\"]+)\">.*?</th><td>([^<]*)</td>(.*?)<td data-figure=\"total\">([^<]*)</td>", RegexOptions.Singleline)]
    private static partial Regex CommuneRow();

    [GeneratedRegex("<td data-figure=\"week\">([^<]*)</td>")]
    private static partial Regex WeekCell();
}

public sealed class PlacedPostersOnSqlite() : PlacedPostersSpec(DatabaseProvider.Sqlite);

public sealed class PlacedPostersOnPostgres() : PlacedPostersSpec(DatabaseProvider.Postgres);
