using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Features.Posters;

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
        var page = await site.Browser().GetStringAsync("/posters");

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
        var page = await site.Browser().GetStringAsync("/posters");
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

    static string QrPathIn(string page) => Regex.Match(page, "<svg class=\"qr\"[^>]*>.*?<path fill=\"#000\" d=\"([^\"]+)\"").Groups[1].Value;
}
