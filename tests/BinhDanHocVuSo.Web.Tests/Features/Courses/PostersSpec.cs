using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Features.Posters;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Courses;

public sealed class PostersSpec(ShippedSite site) : IClassFixture<ShippedSite>
{
    [Fact]
    public async Task A_course_poster_shows_the_title_and_a_QR_code_of_the_absolute_short_address()
    {
        var course = site.Catalog.Courses[0];

        var page = await site.Browser().GetStringAsync($"/c/{course.Slug}/poster");

        var url = $"http://localhost/c/{course.Slug}";
        page.Should().Contain($"<h1>{course.Title}</h1>").And.Contain(url).And.Contain("<svg class=\"qr\"");
        QrPathIn(page).Should().Be(QrCode.Draw(url).Path, "the QR code must open exactly the course's short address");
        page.Should().Contain("/css/poster.").And.NotContain("<script>");
    }

    [Fact]
    public async Task A_lesson_poster_encodes_the_lesson_short_address_under_its_course()
    {
        var course = site.Catalog.Courses[1];
        var lesson = course.Lessons[2];

        var page = await site.Browser().GetStringAsync($"/c/{course.Slug}/{lesson.Slug}/poster");

        var url = $"http://localhost/c/{course.Slug}/{lesson.Slug}";
        page.Should().Contain($"<h1>{lesson.Title}</h1>").And.Contain(course.Title).And.Contain(url);
        QrPathIn(page).Should().Be(QrCode.Draw(url).Path);
    }

    [Fact]
    public async Task The_poster_sheet_has_one_QR_code_per_course_and_links_to_every_lesson_poster()
    {
        var page = (await site.Browser().GetStringAsync("/posters")).Replace("<wbr>", ""); // Addresses may break only after a slash, dot or dash (<wbr>): read them whole.

        Regex.Count(page, "<svg class=\"qr\"").Should().Be(site.Catalog.Courses.Count);
        foreach (var course in site.Catalog.Courses)
        {
            page.Should().Contain($"http://localhost/c/{course.Slug}<");
            page.Should().Contain($"d=\"{QrCode.Draw($"http://localhost/c/{course.Slug}").Path}\"");
            foreach (var lesson in course.Lessons)
            {
                page.Should().Contain($"href=\"/c/{course.Slug}/{lesson.Slug}/poster\"");
            }
        }
    }

    [Fact]
    public async Task Posters_print_on_A4()
    {
        var page = (await site.Browser().GetStringAsync("/posters")).Replace("<wbr>", ""); // Addresses may break only after a slash, dot or dash (<wbr>): read them whole.
        var css = Regex.Match(page, "href=\"(/css/poster[^\"]*)\"").Groups[1].Value;

        (await site.Browser().GetStringAsync(css)).Should().Contain("@page{size:A4");
    }

    [Fact]
    public async Task The_poster_of_an_unknown_course_or_lesson_is_not_found()
    {
        var browser = site.Browser();
        var course = site.Catalog.Courses[0];

        (await browser.GetAsync("/c/khong-co/poster")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await browser.GetAsync($"/c/{course.Slug}/khong-co/poster")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task With_a_public_base_url_set_posters_use_it_even_when_the_host_header_is_forged()
    {
        var settings = Platform.ShippedCourses();
        settings[PublicAddress.Key] = "https://hoc.caobang.gov.vn/";
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var platform = new Platform(database, settings);
        var course = site.Catalog.Courses[0];
        var lesson = course.Lessons[0];
        var browser = platform.Browser();

        var coursePoster = await browser.GetWithForgedHostAsync($"/c/{course.Slug}/poster");
        var lessonPoster = await browser.GetWithForgedHostAsync($"/c/{course.Slug}/{lesson.Slug}/poster");
        var sheet = (await browser.GetWithForgedHostAsync("/posters")).Replace("<wbr>", "");

        var url = $"https://hoc.caobang.gov.vn/c/{course.Slug}";
        coursePoster.Should().Contain(url).And.NotContain("evil.example");
        QrPathIn(coursePoster).Should().Be(QrCode.Draw(url).Path);
        QrPathIn(lessonPoster).Should().Be(QrCode.Draw($"{url}/{lesson.Slug}").Path);
        lessonPoster.Should().NotContain("evil.example");
        sheet.Should().Contain($"{url}<").And.NotContain("evil.example");
    }

    [Theory]
    [InlineData("/posters")]
    [InlineData("/c/{course}/poster")]
    [InlineData("/c/{course}/{lesson}/poster")]
    public async Task Posting_to_a_poster_page_is_refused_with_405_and_a_message(string template)
    {
        var course = site.Catalog.Courses[0];
        var path = template.Replace("{course}", course.Slug).Replace("{lesson}", course.Lessons[0].Slug);
        var browser = site.Browser();
        var form = await browser.GetStringAsync("/account/login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"").Groups[1].Value;

        var response = await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().Contain("GET");
        (await response.Content.ReadAsStringAsync()).Should().Contain("Trang này chỉ để xem, không nhận dữ liệu gửi lên.");
    }

    static string QrPathIn(string page) => Regex.Match(page, "<svg class=\"qr\"[^>]*>.*?<path fill=\"#000\" d=\"([^\"]+)\"").Groups[1].Value;
}
