using System.Text.Json;

namespace BinhDanHocVuSo.Web.Tests.Features.Courses;

public sealed class StaticAssetsSpec(ShippedSite site) : IClassFixture<ShippedSite>
{
    [Fact]
    public async Task The_css_and_js_of_a_page_have_fingerprinted_addresses_cached_for_a_year_as_immutable()
    {
        var course = site.Catalog.Courses[0];
        var html = await site.Browser().GetStringAsync($"/c/{course.Slug}/{course.Lessons[0].Slug}");
        var assets = ShippedSite.StylesAndScripts(html);

        assets.Should().HaveCountGreaterThanOrEqualTo(2);
        foreach (var asset in assets)
        {
            asset.Should().MatchRegex(@"^/(css|js)/site\.[a-z0-9]{6,}\.(css|js)$", "the address changes whenever the file does");
            var response = await site.Browser().GetAsync(asset);
            response.Headers.CacheControl!.ToString().Should().Contain("max-age=31536000").And.Contain("immutable");
        }
    }

    [Fact]
    public async Task Css_js_and_the_service_worker_reach_a_browser_whole_whatever_compression_it_accepts()
    {
        var course = site.Catalog.Courses[0];
        var html = await site.Browser().GetStringAsync($"/c/{course.Slug}/{course.Lessons[0].Slug}");

        foreach (var asset in ShippedSite.StylesAndScripts(html).Append("/sw.js"))
        {
            foreach (var accept in new[] { "gzip, deflate, br, zstd", "gzip", "br", "identity" })
            {
                var request = new HttpRequestMessage(HttpMethod.Get, asset);
                request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
                var response = await site.Browser().SendAsync(request);

                response.EnsureSuccessStatusCode();
                response.Content.Headers.ContentType?.MediaType.Should().BeOneOf(["text/css", "text/javascript"], $"{asset} with Accept-Encoding {accept}");
                (await response.Content.ReadAsByteArrayAsync()).Should().NotBeEmpty($"{asset} with Accept-Encoding {accept}");
            }
        }
    }

    [Fact]
    public async Task The_service_worker_is_served_from_the_site_root_so_it_can_control_every_page()
    {
        var response = await site.Browser().GetAsync("/sw.js");

        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        response.Headers.CacheControl!.NoCache.Should().BeTrue("a new version of the worker must reach phones at once");
        (await response.Content.ReadAsStringAsync()).Should().Contain("addEventListener('fetch'");
    }

    [Fact]
    public async Task Every_page_links_the_manifest_which_names_the_app_and_opens_the_home_page_standalone()
    {
        var browser = site.Browser();
        var home = await browser.GetStringAsync("/");
        var response = await browser.GetAsync("/manifest.webmanifest");
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = manifest.RootElement;

        home.Should().Contain("<link rel=\"manifest\" href=\"/manifest.webmanifest\">");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/manifest+json");
        root.GetProperty("name").GetString().Should().Be("Bình dân học vụ số");
        root.GetProperty("start_url").GetString().Should().Be("/");
        root.GetProperty("display").GetString().Should().Be("standalone");
        foreach (var icon in root.GetProperty("icons").EnumerateArray())
        {
            (await browser.GetAsync(icon.GetProperty("src").GetString())).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task The_offline_page_says_that_opened_lessons_still_work_and_answers_wait_to_be_sent()
    {
        var page = await site.Browser().GetStringAsync("/offline");

        page.Should().Contain("Bạn đang không có mạng").And.Contain("tự gửi đi khi có mạng trở lại");
    }

    [Fact]
    public async Task No_page_needs_an_inline_script()
    {
        var course = site.Catalog.Courses[0];
        foreach (var path in new[] { "/", $"/c/{course.Slug}", $"/c/{course.Slug}/{course.Lessons[0].Slug}", "/posters", "/offline" })
        {
            var html = await site.Browser().GetStringAsync(path);

            html.Should().NotMatchRegex("<script(?![^>]*\\ssrc=)", $"{path} must work under a CSP without inline script")
                .And.NotContain(" onclick=").And.NotContain(" style=\"");
        }
    }
}
