using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Browser;

/// <summary>A citizen scans a poster placed at the commune's one-stop counter with a cheap phone (360×640).</summary>
public sealed class PosterScanOnAPhoneSpec(PhoneBrowser site) : IClassFixture<PhoneBrowser>
{
    [Fact]
    public async Task Scanning_a_placed_poster_opens_its_lesson_and_counts_exactly_one_scan()
    {
        var course = site.Catalog.Courses[0];
        var lesson = course.Lessons[1];
        var code = "PHONE" + Guid.NewGuid().ToString("N")[..3].ToUpperInvariant().Replace('0', 'A').Replace('1', 'B');
        await using (var scope = site.Platform.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Posters().Add(new PosterRow
            {
                Code = code, Commune = People.Commune, CourseSlug = course.Slug, LessonSlug = lesson.Slug, Place = "Bộ phận một cửa UBND xã",
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        await using var phone = await site.NewPhoneAsync();
        var page = await phone.NewPageAsync();

        var sent = await page.RunAndWaitForResponseAsync(() => page.GotoAsync($"/q/{code}"),
            r => r.Url.EndsWith($"/api/posters/{code}/scans", StringComparison.Ordinal) && r.Request.Method == "POST");
        await page.ReloadAsync();
        await PhoneBrowser.WaitUntilAsync(page, "localStorage.getItem('bdhvs.scans') === '[]'", "the scan's outbox to be empty");

        sent.Status.Should().Be(204);
        new Uri(page.Url).AbsolutePath.Should().Be($"/c/{course.Slug}/{lesson.Slug}", "the QR code opens the lesson");
        new Uri(page.Url).Fragment.Should().BeEmpty("the page takes the code out of its address, so a reload or a shared link counts nothing");
        (await page.TextContentAsync("h1")).Should().Contain(lesson.Title);
        await PhoneBrowser.LookAtAsync(page, "21-poster-scanned-lesson");
        await using var check = site.Platform.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<AppDbContext>().PosterScans().CountAsync(s => s.PosterCode == code))
            .Should().Be(1, "one scan, however often the page is opened again");
    }
}
