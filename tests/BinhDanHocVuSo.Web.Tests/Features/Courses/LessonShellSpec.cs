using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace BinhDanHocVuSo.Web.Tests.Features.Courses;

/// <summary>A lesson page kept once, precompressed, with each visitor's own parts added per request.</summary>
public sealed class LessonShellSpec
{
    static readonly string[] Marks = ["<!--a-->", "<!--b-->"];
    const string Page = "<!DOCTYPE html><html lang=\"vi\"><body><h1>Bài một</h1><!--a--><p>Chữ tiếng Việt có dấu.</p><form><!--b--><button>Nộp bài</button></form></body></html>";

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("br, gzip", "gzip")]
    [InlineData("gzip;q=0, br", null)]
    [InlineData("", null)]
    public async Task A_page_with_its_own_parts_is_the_rendered_page_with_the_parts_in_place_compressed_when_gzip_is_accepted(string accept, string? encoding)
    {
        var shell = LessonShell.Cut(Page, Marks);
        string[] parts = ["<p>Bạn đã học 1/2 bài.</p>", "<input type=\"hidden\" name=\"attemptId\" value=\"x\">"];

        var (body, response) = await Serve(shell, accept, parts);

        response.Headers.ContentEncoding.ToString().Should().Be(encoding ?? "");
        response.ContentLength.Should().Be(body.Length);
        response.Headers.Vary.ToString().Should().Be("Accept-Encoding");
        Text(body, encoding).Should().Be(Page.Replace("<!--a-->", parts[0]).Replace("<!--b-->", parts[1]));
    }

    [Fact]
    public async Task A_part_longer_than_one_stored_deflate_block_still_decompresses_to_the_page()
    {
        var shell = LessonShell.Cut(Page, Marks);
        string[] parts = [new string('ạ', 40_000), ""];

        var (body, _) = await Serve(shell, "gzip", parts);

        Text(body, "gzip").Should().Be(Page.Replace("<!--a-->", parts[0]).Replace("<!--b-->", ""));
    }

    [Fact]
    public void A_page_without_a_mark_in_its_place_is_refused_rather_than_kept()
    {
        var cut = () => LessonShell.Cut("<h1>x</h1><!--b--><!--a-->", Marks);

        cut.Should().Throw<InvalidOperationException>();
    }

    static async Task<(byte[] Body, HttpResponse Response)> Serve(LessonShell shell, string accept, string[] parts)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Headers.AcceptEncoding = accept;
        var body = new MemoryStream();
        http.Response.Body = body;
        await shell.WriteAsync(http, [.. parts.Select(Encoding.UTF8.GetBytes)]);
        return (body.ToArray(), http.Response);
    }

    internal static string Text(byte[] body, string? encoding)
    {
        if (encoding != "gzip")
        {
            return Encoding.UTF8.GetString(body);
        }
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>Lesson pages as learners with a cookie get them: their own parts, from the kept page, and forms that work.</summary>
public sealed class LessonPagesForLearnersSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task A_learner_gets_a_gzip_page_of_valid_html_with_their_own_token_attempt_id_and_progress_and_can_answer_from_it()
    {
        var learner = await Learner();

        var (html, response) = await Open(learner, "/c/khoa-mau/bai-mot");
        var answer = await learner.PostAsync("/c/khoa-mau/bai-mot", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["attemptId"] = Field(html, "attemptId"), ["__RequestVerificationToken"] = Field(html, "__RequestVerificationToken"), ["q.b1-1"] = "b",
        }));

        response.Content.Headers.ContentEncoding.Should().Equal("gzip");
        response.Headers.CacheControl!.NoStore.Should().BeTrue("the page carries the learner's own token");
        html.Should().StartWith("<!DOCTYPE html>").And.EndWith("</html>\n");
        html.Should().NotContain("<!--");
        Regex.Count(html, "<form").Should().Be(Regex.Count(html, "</form>"));
        var form = Regex.Match(html, "<form class=\"quiz\".*?</form>", RegexOptions.Singleline).Value;
        Field(form, "attemptId").Should().MatchRegex("^[0-9a-f-]{36}$");
        Field(form, "__RequestVerificationToken").Should().NotBeEmpty();
        html.Should().Contain("Bạn đã học 1/2 bài của khoá này.");
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        (await answer.Content.ReadAsStringAsync()).Should().Contain("Bạn trả lời đúng 1/3 câu");
    }

    [Fact]
    public async Task A_lesson_the_learner_finished_says_so_and_its_done_form_carries_their_token()
    {
        var learner = await Learner();

        var (html, _) = await Open(learner, "/c/khoa-mau/bai-hai");

        html.Should().Contain("Bài này bạn đã học xong.");
        var form = Regex.Match(html, "<form method=\"post\".*?</form>", RegexOptions.Singleline).Value;
        Field(form, "__RequestVerificationToken").Should().NotBeEmpty("the lesson has no quiz: its form marks it done");
    }

    [Fact]
    public async Task Two_learners_get_the_same_lesson_with_different_own_parts_and_each_sees_their_own_progress()
    {
        var first = await Learner();
        var second = Platform.Browser();
        (await second.PostAsync("/c/khoa-mau/bai-mot?handler=Done", null)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (page, _) = await Open(second, "/c/khoa-mau/bai-hai");
        var done = await second.PostAsync("/c/khoa-mau/bai-hai?handler=Done", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Field(page, "__RequestVerificationToken"),
        }));
        done.StatusCode.Should().Be(HttpStatusCode.Redirect, "a learner marks a lesson done with the token of the page");

        var (mine, _) = await Open(first, "/c/khoa-mau/bai-mot");
        var (theirs, _) = await Open(second, "/c/khoa-mau/bai-mot");
        var (mineAgain, _) = await Open(first, "/c/khoa-mau/bai-mot");

        Field(mine, "attemptId").Should().NotBe(Field(theirs, "attemptId"));
        Field(mine, "attemptId").Should().NotBe(Field(mineAgain, "attemptId"), "each page gets a fresh attempt id");
        Field(mine, "__RequestVerificationToken").Should().NotBe(Field(theirs, "__RequestVerificationToken"));
        mine.Should().Contain("1/2 bài").And.NotContain("2/2 bài");
        theirs.Should().Contain("2/2 bài").And.NotContain("1/2 bài");
        Questions(mine).Should().BeEquivalentTo(Questions(theirs), "the quiz draws no subset: both see every question, each in their own order");
        Strip(mine).Should().Be(Strip(theirs), "everything else is the same kept page");
    }

    [Fact]
    public async Task A_visitor_without_cookies_still_gets_the_cached_page_without_anyones_own_parts()
    {
        await Open(await Learner(), "/c/khoa-mau/bai-mot");
        var visitor = Platform.Browser();

        var first = await visitor.GetAsync("/c/khoa-mau/bai-mot");
        var second = await visitor.GetAsync("/c/khoa-mau/bai-mot");
        var html = await first.Content.ReadAsStringAsync();

        first.Headers.Contains("Set-Cookie").Should().BeFalse();
        html.Should().NotContain("__RequestVerificationToken").And.NotContain("bài của khoá này");
        Field(html, "attemptId").Should().Be(Field(await second.Content.ReadAsStringAsync(), "attemptId"), "the second page comes from the output cache");
    }

    /// <summary>A guest learner who marked the second lesson done (a cookie-less POST makes the guest and its cookie).</summary>
    async Task<HttpClient> Learner()
    {
        var learner = Platform.Browser();
        (await learner.PostAsync("/c/khoa-mau/bai-hai?handler=Done", null)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return learner;
    }

    static async Task<(string Html, HttpResponseMessage Response)> Open(HttpClient learner, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await learner.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (LessonShellSpec.Text(body, response.Content.Headers.ContentEncoding.FirstOrDefault()), response);
    }

    /// <summary>The page without the learner's own parts: their progress, the values of their fields, the questions of their draw.</summary>
    static string Strip(string html) => Regex.Replace(Regex.Replace(Regex.Replace(html, "value=\"[^\"]*\"", ""),
        "<p class=\"muted\" data-learner>.*?</p>", ""), "<fieldset class=\"question\".*?</fieldset>\n", "", RegexOptions.Singleline);

    static List<string> Questions(string html) =>
        [.. Regex.Matches(html, "<fieldset class=\"question\" id=\"q-([^\"]+)\"").Select(m => m.Groups[1].Value)];

    static string Field(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*?value=\"([^\"]+)\"").Groups[1].Value;
}
