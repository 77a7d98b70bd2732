using System.Net;
using System.Net.Http.Json;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Courses;

/// <summary>The short, stable lesson addresses printed on posters, and the quiz form posted from them.</summary>
public sealed class LessonPagesSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task A_lesson_renamed_on_disk_keeps_its_old_address_as_a_permanent_redirect()
    {
        var response = await Platform.Browser().GetAsync("/c/khoa-mau/bai-so-mot");

        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.ToString().Should().Be("/c/khoa-mau/bai-mot");
    }

    [Theory]
    [InlineData("/c/khong-co")]
    [InlineData("/c/khoa-mau/khong-co")]
    public async Task An_unknown_course_or_lesson_is_not_found_with_a_page_in_vietnamese(string path)
    {
        var response = await Platform.Browser().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Không tìm thấy trang này");
    }

    [Fact]
    public async Task The_catalogue_lists_each_course_with_its_lessons_in_order()
    {
        var catalogue = await Platform.Browser().GetFromJsonAsync<List<CourseDto>>("/api/courses");

        var course = catalogue!.Single(c => c.Slug == "khoa-mau");
        course.Title.Should().Be("Khoá học mẫu");
        course.Competences.Should().Equal("4.2");
        course.Lessons.Select(l => l.Slug).Should().Equal("bai-mot", "bai-hai");
        course.For.Should().Be("citizens", "a course without 'for' is listed for citizens");
    }

    [Fact]
    public async Task A_drawing_beside_a_lesson_is_served_as_svg_sandboxed_and_cached()
    {
        var response = await Platform.Browser().GetAsync("/c/khoa-mau/media/hinh-mau.svg");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("sandbox").And.Contain("default-src 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.CacheControl!.MaxAge.Should().BeGreaterThan(TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task The_glossary_page_explains_each_term_at_its_own_anchor_and_lessons_and_the_home_page_link_to_it()
    {
        var browser = Platform.Browser();

        var glossary = await browser.GetStringAsync("/thuat-ngu");
        var lesson = await browser.GetStringAsync("/c/khoa-mau/bai-mot");
        var home = await browser.GetStringAsync("/");

        glossary.Should().Contain("<dt id=\"ma-qr\"><a href=\"#ma-qr\">Mã QR</a></dt>").And.Contain("id=\"otp\"").And.Contain("href=\"#otp\">OTP</a>")
            .And.Contain("Mã số dùng một lần");
        lesson.Should().Contain("href=\"/thuat-ngu\"");
        home.Should().Contain("href=\"/thuat-ngu\"");
    }

    [Fact]
    public async Task The_course_page_ends_with_its_sources_and_the_oldest_date()
    {
        var html = await Platform.Browser().GetStringAsync("/c/khoa-mau");

        html.Should().Contain("Nguồn").And.Contain("văn bản cũ nhất ngày 01/2025").And.Contain("Dữ liệu kiểm thử của dự án");
    }

    [Fact]
    public async Task A_visitor_without_cookies_gets_a_cacheable_page_that_sets_no_cookie_and_can_still_answer()
    {
        var visitor = Platform.Browser();

        var page = await visitor.GetAsync("/c/khoa-mau/bai-mot");
        var html = await page.Content.ReadAsStringAsync();
        var attempt = Field(html, "attemptId");
        var answer = await visitor.PostAsync("/c/khoa-mau/bai-mot", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["attemptId"] = attempt, ["q.b1-1"] = "b",
        }));

        page.Headers.Contains("Set-Cookie").Should().BeFalse();
        html.Should().NotContain("__RequestVerificationToken");
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        (await answer.Content.ReadAsStringAsync()).Should().Contain("Bạn trả lời đúng 1/3 câu");
    }

    [Theory]
    [InlineData("/c/khoa-mau/bai-mot", "q.b1-1")]
    [InlineData("/c/khoa-mau", "q.cuoi-1")]
    public async Task A_visitor_with_a_session_must_send_the_pages_anti_forgery_token(string path, string question)
    {
        var guest = Platform.Browser();
        (await guest.PostAsync("/c/khoa-mau/bai-hai?handler=Done", null)).StatusCode.Should().Be(HttpStatusCode.Redirect, "marking a lesson done makes a guest");

        var html = await guest.GetStringAsync(path);
        var forged = await guest.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["attemptId"] = Guid.NewGuid().ToString(), [question] = "a",
        }));
        var genuine = await guest.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["attemptId"] = Field(html, "attemptId"), ["__RequestVerificationToken"] = Field(html, "__RequestVerificationToken"), [question] = "b",
        }));

        html.Should().Contain("__RequestVerificationToken");
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        genuine.StatusCode.Should().Be(HttpStatusCode.OK, "the form's own token and attempt id are sent back");
    }

    [Fact]
    public async Task The_json_api_for_the_phone_pages_is_described_by_an_openapi_document()
    {
        var document = await Platform.Browser().GetStringAsync("/openapi/v1.json");

        document.Should().Contain("/api/courses/{course}/quizzes/{quiz}/attempts").And.Contain("/api/progress");
    }

    [Fact]
    public async Task An_attempt_id_reused_for_another_quiz_does_not_return_the_first_quiz_result()
    {
        var phone = Platform.Browser();
        var attempt = Guid.NewGuid();
        var lessonAnswers = new Dictionary<string, string[]> { ["b1-1"] = ["b"] };

        var first = await phone.PostAsJsonAsync("/api/courses/khoa-mau/quizzes/bai-mot/attempts", new { attemptId = attempt, answers = lessonAnswers });
        var reused = await phone.PostAsJsonAsync("/api/courses/khoa-mau/quizzes/final/attempts", new { attemptId = attempt, answers = new { } });
        var replayed = await phone.PostAsJsonAsync("/api/courses/khoa-mau/quizzes/bai-mot/attempts", new { attemptId = attempt, answers = lessonAnswers });
        var progress = await phone.GetFromJsonAsync<ProgressDto>("/api/progress/khoa-mau");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        reused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await reused.Content.ReadAsStringAsync()).Should().Contain("đã được dùng cho một bài kiểm tra khác").And.NotContain("\"quizId\"");
        replayed.StatusCode.Should().Be(HttpStatusCode.OK, "the offline queue may send the same attempt again");
        (await replayed.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        progress!.Quizzes.Keys.Should().Equal("bai-mot");
        progress.Quizzes["bai-mot"].Attempts.Should().Be(1);
    }

    // A NUL byte in the path itself is refused by the server before routing (Kestrel answers 400); in the query, the
    // form fields and the JSON body it reaches the pages.
    [Theory]
    [InlineData("GET", "/c/khong-co?course=%00")]
    [InlineData("GET", "/c/khoa-mau/khong-co?lesson=%00")]
    [InlineData("GET", "/c/khoa-mau/bai-mot?handler=khong-co")]
    [InlineData("POST", "/c/khong-co")]
    [InlineData("POST", "/c/khoa-mau?handler=khong-co")]
    [InlineData("POST", "/c/khong-co/bai-mot")]
    [InlineData("POST", "/c/khoa-mau/khong-co")]
    [InlineData("POST", "/c/khoa-mau/bai-mot")]
    [InlineData("POST", "/c/khoa-mau")]
    [InlineData("POST", "/c/khoa-mau/bai-mot?handler=khong-co")]
    [InlineData("POST", "/c/khoa-mau/bai-hai?handler=Done")]
    [InlineData("POST", "/c/khoa-mau/bai-hai")]
    [InlineData("GET", "/c/khong-co/chung-nhan")]
    [InlineData("POST", "/c/khoa-mau/chung-nhan")]
    [InlineData("GET", "/c/khong-co/media/a.png")]
    [InlineData("GET", "/c/khoa-mau/media/khong-co.png")]
    [InlineData("GET", "/api/progress/khong-co")]
    [InlineData("POST", "/c/khoa-mau/khong-co?handler=Done")]
    [InlineData("POST", "/api/courses/khong-co/quizzes/final/attempts")]
    [InlineData("POST", "/api/courses/khoa-mau/quizzes/khong-co/attempts")]
    [InlineData("POST", "/api/courses/khoa-mau/quizzes/final/attempts")]
    [InlineData("POST", "/api/courses/khoa-mau/quizzes/bai-mot/attempts")]
    [InlineData("GET", "/xac-minh/00000000000000000000000000000000")]
    [InlineData("POST", "/xac-minh/00000000000000000000000000000000")]
    public async Task A_malformed_or_unknown_course_lesson_or_quiz_is_answered_with_a_4xx_never_a_500(string method, string path)
    {
        var responses = new List<HttpResponseMessage>();
        foreach (var body in Bodies())
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST")
            {
                request.Content = body;
            }
            responses.Add(await Platform.Browser().SendAsync(request));
        }

        foreach (var response in responses)
        {
            ((int)response.StatusCode).Should().BeLessThan(500, $"{method} {path} with {response.RequestMessage!.Content?.Headers.ContentType} must not fail");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("{\"attemptId\": \"khong-phai-guid\"}")]
    public async Task A_quiz_attempt_with_a_missing_or_broken_body_is_refused_with_a_message_in_vietnamese(string body)
    {
        var response = await Platform.Browser().PostAsync("/api/courses/khoa-mau/quizzes/bai-mot/attempts",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("attemptId").And.MatchRegex("Bài làm phải|Thiếu mã lượt làm bài");
    }

    /// <summary>Bodies a careless or hostile client sends: empty, an empty form field, a NUL byte, broken and oversized JSON.</summary>
    static IEnumerable<HttpContent?> Bodies()
    {
        yield return null;
        yield return new FormUrlEncodedContent(new Dictionary<string, string> { ["course"] = "", ["lesson"] = "", ["attemptId"] = Guid.NewGuid().ToString() });
        yield return new FormUrlEncodedContent(new Dictionary<string, string> { ["course"] = "\0", ["attemptId"] = "\0", ["q.\0"] = "\0" });
        yield return new FormUrlEncodedContent(new Dictionary<string, string> { ["attemptId"] = Guid.NewGuid().ToString(), ["q.b1-1"] = new string('x', 100_000) });
        yield return new StringContent("{", System.Text.Encoding.UTF8, "application/json");
        yield return new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        yield return JsonContent.Create(new { attemptId = Guid.NewGuid(), answers = new Dictionary<string, string?[]?> { ["\0"] = [null], ["b1-1"] = null } });
        yield return JsonContent.Create(new { attemptId = Guid.NewGuid(), answers = new Dictionary<string, string[]> { ["b1-1"] = [new string('x', 100_000)] } });
    }

    [Theory]
    [InlineData("/c/khoa-mau/bai-mot")]
    [InlineData("/c/khoa-mau")]
    public async Task A_quiz_form_with_an_empty_course_field_is_graded_for_the_course_in_its_address_and_one_with_a_NUL_byte_is_refused(string path)
    {
        var visitor = Platform.Browser();
        var html = await visitor.GetStringAsync(path);

        var empty = await visitor.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["attemptId"] = Field(html, "attemptId"), ["course"] = "", ["lesson"] = "",
        }));
        var nul = await Platform.Browser().PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["attemptId"] = Guid.NewGuid().ToString(), ["course"] = "\0", ["lesson"] = "\0",
        }));

        empty.StatusCode.Should().Be(HttpStatusCode.OK);
        (await empty.Content.ReadAsStringAsync()).Should().Contain("Bạn trả lời đúng 0/");
        ((int)nul.StatusCode).Should().BeInRange(400, 499, "a NUL byte in a form is refused as a bad request");
    }

    static string Field(string html, string name) =>
        System.Text.RegularExpressions.Regex.Match(html, $"name=\"{name}\"[^>]*?value=\"([^\"]+)\"").Groups[1].Value;

    sealed record ProgressDto(Dictionary<string, StandingDto> Quizzes);

    sealed record StandingDto(int BestScorePercent, int Attempts);

    sealed record CourseDto(string Slug, string Title, List<string> Competences, int Minutes, List<LessonDto> Lessons, string For, int EntryLevel, int ExitLevel);

    sealed record LessonDto(string Slug, string Title);
}
