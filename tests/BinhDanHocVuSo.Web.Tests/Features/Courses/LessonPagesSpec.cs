using System.Net;
using System.Net.Http.Json;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Courses;

/// <summary>The short, stable lesson addresses printed on posters, and the quiz form posted from them.</summary>
public sealed class LessonPagesSpec : PlatformSpec
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

    [Fact]
    public async Task A_visitor_with_a_session_must_send_the_pages_anti_forgery_token()
    {
        var guest = Platform.Browser();
        (await guest.PostAsync("/api/courses/khoa-mau/start", null)).EnsureSuccessStatusCode();

        var html = await guest.GetStringAsync("/c/khoa-mau/bai-mot");
        var forged = await guest.PostAsync("/c/khoa-mau/bai-mot", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["attemptId"] = Guid.NewGuid().ToString(), ["q.b1-1"] = "a",
        }));
        var genuine = await guest.PostAsync("/c/khoa-mau/bai-mot", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["attemptId"] = Field(html, "attemptId"), ["__RequestVerificationToken"] = Field(html, "__RequestVerificationToken"), ["q.b1-1"] = "b",
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

    static string Field(string html, string name) =>
        System.Text.RegularExpressions.Regex.Match(html, $"name=\"{name}\"[^>]*?value=\"([^\"]+)\"").Groups[1].Value;

    sealed record CourseDto(string Slug, string Title, List<string> Competences, int Minutes, List<LessonDto> Lessons);

    sealed record LessonDto(string Slug, string Title);
}
