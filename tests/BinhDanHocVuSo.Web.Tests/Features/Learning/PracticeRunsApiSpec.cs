using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Learning;

/// <summary>
/// The JSON endpoint the lesson's script (and its offline outbox) sends a finished practice run to:
/// <c>POST /api/courses/{course}/practices/{practice}/runs</c> with <c>{"runId": "…", "steps": "0.0"}</c>. The practice
/// test course (TestData/practice-courses): lesson "tra-tien" has the simulation "tra-tien-qr" ("0.0" the right way,
/// "0.1" the trap on the confirmation screen, "0" stops midway).
/// </summary>
public sealed class PracticeRunsApiSpec() : PlatformSpec(DatabaseProvider.Sqlite, new Dictionary<string, string?>
{
    ["Content:CoursesPath"] = Repository.Path("tests/BinhDanHocVuSo.Web.Tests/TestData/practice-courses"),
})
{
    const string Runs = "/api/courses/tap-duot/practices/tra-tien-qr/runs";

    [Fact]
    public async Task A_run_that_goes_the_right_way_is_recorded_as_passed_and_shows_in_the_learners_progress()
    {
        var phone = Platform.Browser();
        var runId = Guid.NewGuid();

        var response = await phone.PostAsJsonAsync(Runs, new { runId, steps = "0.0" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = await response.Content.ReadFromJsonAsync<RunDto>();
        result!.RunId.Should().Be(runId);
        result.Passed.Should().BeTrue();
        result.Misses.Should().BeEmpty();
        var progress = await phone.GetFromJsonAsync<ProgressDto>("/api/progress/tap-duot");
        progress!.Practices!["tra-tien-qr"].Should().Be(new StandingDto(true, 1));
        (await CountAsync(db => db.PracticeRuns.Where(r => r.RunId == runId && r.Passed))).Should().Be(1);
    }

    [Fact]
    public async Task A_run_into_a_trap_is_recorded_as_failed_naming_the_trap()
    {
        var response = await Platform.Browser().PostAsJsonAsync(Runs, new { runId = Guid.NewGuid(), steps = "0.1" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = await response.Content.ReadFromJsonAsync<RunDto>();
        result!.Passed.Should().BeFalse();
        result.Misses.Should().Equal("quet-ma/1");
    }

    [Fact]
    public async Task The_same_run_sent_again_returns_the_first_result_and_is_counted_once()
    {
        var phone = Platform.Browser();
        var runId = Guid.NewGuid();

        var first = await phone.PostAsJsonAsync(Runs, new { runId, steps = "0.0" });
        var again = await phone.PostAsJsonAsync(Runs, new { runId, steps = "0.0" });
        var changed = await phone.PostAsJsonAsync(Runs, new { runId, steps = "0.1" });

        again.StatusCode.Should().Be(HttpStatusCode.OK, "the offline outbox may send a run again after a lost answer");
        (await again.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await changed.Content.ReadFromJsonAsync<RunDto>())!.Passed.Should().BeTrue("a run is recorded once: what was sent first stands");
        (await phone.GetFromJsonAsync<ProgressDto>("/api/progress/tap-duot"))!.Practices!["tra-tien-qr"].Runs.Should().Be(1);
        (await CountAsync(db => db.PracticeRuns.Where(r => r.RunId == runId))).Should().Be(1);
    }

    [Fact]
    public async Task A_run_id_already_used_for_another_practice_is_refused_as_a_conflict()
    {
        var phone = Platform.Browser();
        var runId = Guid.NewGuid();
        await phone.PostAsJsonAsync(Runs, new { runId, steps = "0.0" });

        var reused = await phone.PostAsJsonAsync("/api/courses/tap-duot/practices/tin-that-hay-lua/runs", new { runId, steps = "ssss" });

        reused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Reason(reused)).Should().Contain("đã được dùng cho một bài tập khác");
    }

    [Theory]
    [InlineData("/api/courses/khong-co/practices/tra-tien-qr/runs", "Không có khoá học 'khong-co'.")]
    [InlineData("/api/courses/tap-duot/practices/khong-co/runs", "Khoá học không có bài tập dượt 'khong-co'.")]
    public async Task An_unknown_course_or_practice_is_not_found_with_the_reason(string path, string reason)
    {
        var response = await Platform.Browser().PostAsJsonAsync(path, new { runId = Guid.NewGuid(), steps = "0.0" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Reason(response)).Should().Be(reason);
        (await CountAsync(db => db.PracticeRuns)).Should().Be(0);
    }

    [Theory]
    [InlineData("", "runId")]
    [InlineData("{", "runId")]
    [InlineData("[1]", "runId")]
    [InlineData("{\"runId\": \"khong-phai-guid\", \"steps\": \"0.0\"}", "runId")]
    [InlineData("{\"steps\": \"0.0\"}", "Thiếu mã lượt tập dượt")]
    [InlineData("{\"runId\": \"00000000-0000-0000-0000-000000000000\", \"steps\": \"0.0\"}", "Thiếu mã lượt tập dượt")]
    public async Task A_missing_or_broken_body_is_refused_with_a_reason_in_vietnamese(string body, string reason)
    {
        var response = await Platform.Browser().PostAsync(Runs, new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Reason(response)).Should().Contain(reason).And.NotContain("attemptId", "a practice run is not a quiz attempt");
        (await CountAsync(db => db.PracticeRuns)).Should().Be(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("0.1.0")]
    [InlineData("9")]
    [InlineData("a.b")]
    public async Task Steps_that_are_not_a_finished_run_are_refused_with_a_reason_and_nothing_is_recorded(string steps)
    {
        var response = await Platform.Browser().PostAsJsonAsync(Runs, new { runId = Guid.NewGuid(), steps });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Reason(response)).Should().Be("Lượt tập dượt 'tra-tien-qr' chưa xong nên chưa được ghi. Hãy làm lại từ đầu.");
        (await CountAsync(db => db.PracticeRuns)).Should().Be(0);
    }

    // A page of another site cannot send JSON here without the browser asking first (CORS), which this site never
    // allows; what it can send unasked is a form or plain text, which the endpoint does not accept (415). The JSON content type is
    // this API's anti-forgery check, as for quiz attempts.
    [Fact]
    public async Task A_run_sent_as_a_form_or_plain_text_as_another_site_could_is_refused_and_not_recorded()
    {
        var phone = Platform.Browser();
        var json = JsonSerializer.Serialize(new { runId = Guid.NewGuid(), steps = "0.0" });

        var form = await phone.PostAsync(Runs, new FormUrlEncodedContent(new Dictionary<string, string> { ["runId"] = Guid.NewGuid().ToString(), ["steps"] = "0.0" }));
        var text = await phone.PostAsync(Runs, new StringContent(json, Encoding.UTF8, "text/plain"));

        form.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        text.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await CountAsync(db => db.PracticeRuns)).Should().Be(0);
    }

    [Fact]
    public async Task A_run_is_kept_for_the_phone_that_sent_it_and_not_shown_to_another()
    {
        var phone = Platform.Browser();
        var other = Platform.Browser();

        (await phone.PostAsJsonAsync(Runs, new { runId = Guid.NewGuid(), steps = "0.0" })).EnsureSuccessStatusCode();

        (await phone.GetFromJsonAsync<ProgressDto>("/api/progress/tap-duot"))!.Practices!.Should().ContainKey("tra-tien-qr");
        ((await other.GetFromJsonAsync<ProgressDto>("/api/progress/tap-duot"))!.Practices ?? []).Should().NotContainKey("tra-tien-qr");
    }

    [Theory]
    [InlineData("/api/courses/khong-co/practices/tra-tien-qr/runs")]
    [InlineData("/api/courses/tap-duot/practices/khong-co/runs")]
    [InlineData(Runs)]
    [InlineData("/api/courses/tap-duot/practices/tin-that-hay-lua/runs")]
    public async Task Whatever_a_careless_or_hostile_client_sends_the_answer_is_a_4xx_or_a_result_never_a_500(string path)
    {
        foreach (var body in Bodies())
        {
            var response = await Platform.Browser().PostAsync(path, body);

            ((int)response.StatusCode).Should().BeLessThan(500, $"{path} with {body?.Headers.ContentType} {(body is null ? "" : await body.ReadAsStringAsync())} must not fail");
        }
    }

    static IEnumerable<HttpContent?> Bodies()
    {
        yield return null;
        yield return new FormUrlEncodedContent(new Dictionary<string, string> { ["runId"] = "\0", ["steps"] = "\0" });
        yield return new StringContent("{\"runId\": null, \"steps\": null}", Encoding.UTF8, "application/json");
        yield return new StringContent("{\"runId\": 5, \"steps\": [1]}", Encoding.UTF8, "application/json");
        yield return JsonContent.Create(new { runId = Guid.NewGuid(), steps = "\0" });
        yield return JsonContent.Create(new { runId = Guid.NewGuid(), steps = (string?)null });
        yield return JsonContent.Create(new { runId = Guid.NewGuid(), steps = "\ud800" });
        yield return JsonContent.Create(new { runId = Guid.NewGuid(), steps = string.Join('.', Enumerable.Repeat("0", 100_000)) });
        yield return JsonContent.Create(new { runId = Guid.NewGuid(), steps = new string('s', 100_000) });
        yield return JsonContent.Create(new { runId = Guid.NewGuid(), steps = "99999999999999999999" });
    }

    static async Task<string> Reason(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    sealed record RunDto(Guid RunId, bool Passed, IReadOnlyList<string> Misses);

    sealed record StandingDto(bool Passed, int Runs);

    sealed record ProgressDto(Dictionary<string, StandingDto>? Practices);
}
