using System.Net.Http.Headers;
using Xunit.Abstractions;

namespace BinhDanHocVuSo.Web.Tests.Features.Courses;

/// <summary>
/// A lesson must open quickly on a weak 3G connection: its HTML with the CSS and JS it refers to, as sent
/// compressed, fits in the first ~14 KB that a new connection can deliver in one round trip.
/// </summary>
public sealed class PageBudgetSpec(ShippedSite site, ITestOutputHelper output) : IClassFixture<ShippedSite>
{
    const int Budget = 14 * 1024;

    [Fact]
    public async Task Every_shipped_lesson_page_with_its_css_and_js_fits_in_14_KB_compressed_with_brotli()
    {
        var browser = site.Browser();
        var tooBig = new List<string>();
        var lessons = site.Catalog.Courses.SelectMany(c => c.Lessons.Select(l => $"/c/{c.Slug}/{l.Slug}")).ToList();
        lessons.Should().HaveCountGreaterThan(10);

        foreach (var path in lessons)
        {
            var (htmlBytes, html) = await Fetch(browser, path);
            var assets = ShippedSite.StylesAndScripts(html);
            assets.Should().Contain(a => a.StartsWith("/css/site.")).And.Contain(a => a.StartsWith("/js/site."));
            var assetBytes = 0;
            foreach (var asset in assets)
            {
                assetBytes += (await Fetch(browser, asset)).Bytes;
            }
            var total = htmlBytes + assetBytes;
            output.WriteLine($"{path}: HTML {htmlBytes} B + CSS/JS {assetBytes} B = {total} B (brotli)");
            if (total > Budget)
            {
                tooBig.Add($"{path} is {total} bytes");
            }
        }

        tooBig.Should().BeEmpty($"a lesson with its CSS and JS must stay under {Budget} bytes compressed");
    }

    [Fact]
    public async Task Pages_are_sent_compressed_with_brotli_or_gzip()
    {
        var course = site.Catalog.Courses[0];
        foreach (var encoding in new[] { "br", "gzip" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/c/{course.Slug}/{course.Lessons[0].Slug}");
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

            var response = await site.Browser().SendAsync(request);

            response.Content.Headers.ContentEncoding.Should().Equal(encoding);
        }
    }

    /// <summary>The bytes as sent to a browser that accepts Brotli; the text decompressed.</summary>
    internal static async Task<(int Bytes, string Text)> Fetch(HttpClient browser, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var response = await browser.SendAsync(request);
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentEncoding.Should().Equal(["br"], $"{path} must be sent compressed");
        var body = await response.Content.ReadAsByteArrayAsync();
        using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(brotli);
        return (body.Length, await reader.ReadToEndAsync());
    }
}
