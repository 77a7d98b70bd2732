using System.Text.Json;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BinhDanHocVuSo.Web.Tests.Browser;

/// <summary>The browser fixture serving the test course with a simulation (TestData/practice-courses).</summary>
public sealed class PracticeBrowser : PhoneBrowser
{
    protected override Dictionary<string, string?> Courses() =>
        new() { ["Content:CoursesPath"] = Repository.Path("tests/BinhDanHocVuSo.Web.Tests/TestData/practice-courses") };
}

/// <summary>A learner plays the QR payment simulation on a 360×640 phone, with and without JavaScript.</summary>
public sealed class PracticeOnAPhoneSpec(PracticeBrowser site) : IClassFixture<PracticeBrowser>
{
    const string Lesson = "/c/tap-duot/tra-tien";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_right_way_reaches_the_end_screen(bool javaScript)
    {
        await using var phone = await site.NewPhoneAsync(javaScript);
        var page = await phone.NewPageAsync();
        await page.GotoAsync(Lesson);

        await page.ClickAsync("[data-screen='trang-chu'] button:has-text('Quét mã QR')");
        await page.ClickAsync("[data-screen='quet-ma'] button:has-text('Xác nhận trả tiền')");

        var end = page.Locator("[data-screen='thanh-cong']");
        await end.WaitForAsync();
        (await end.TextContentAsync()).Should().Contain("Giao dịch thành công").And.Contain("Tên người nhận khớp với tên quán.");
        page.Url.Should().Match(javaScript ? $"*{Lesson}" : "*/practice/tra-tien-qr?run=*&path=0.0", javaScript ? "with JavaScript the run plays in place" : "each tap asks the server");
        if (javaScript)
        {
            (await page.EvaluateAsync<string>("document.activeElement.textContent")).Should().Be("Giao dịch thành công", "focus moves to the new screen's title");
        }
        await PhoneBrowser.LookAtAsync(page, $"practice-end-{(javaScript ? "js" : "nojs")}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_trap_stops_the_run_with_its_explanation_and_try_again_starts_over(bool javaScript)
    {
        await using var phone = await site.NewPhoneAsync(javaScript);
        var page = await phone.NewPageAsync();
        await page.GotoAsync(Lesson);

        await page.ClickAsync("[data-screen='trang-chu'] button:has-text('Quét mã QR')");
        await page.ClickAsync("[data-screen='quet-ma'] button:has-text('Sửa số tiền')");

        var stop = page.Locator(".screen.trap");
        await stop.WaitForAsync();
        (await stop.TextContentAsync()).Should().Contain("Dừng lại!").And.Contain("Bạn sẽ trả gấp mười lần");
        await PhoneBrowser.LookAtAsync(page, $"practice-trap-{(javaScript ? "js" : "nojs")}");
        await stop.Locator("text=Thử lại").ClickAsync();
        await page.Locator("[data-screen='trang-chu']").WaitForAsync();
        (await page.Locator("[data-screen='trang-chu'] h3").TextContentAsync()).Should().Be("Trang chủ");
    }

    [Fact]
    public async Task A_run_finished_offline_waits_on_the_phone_and_is_counted_once_when_the_connection_returns()
    {
        await using var phone = await site.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await page.GotoAsync(Lesson);
        await PhoneBrowser.WaitUntilAsync(page, $"caches.match('{Lesson}')", "the lesson page to be kept for offline reading");

        await phone.SetOfflineAsync(true);
        await page.ReloadAsync();
        await page.ClickAsync("[data-screen='trang-chu'] button:has-text('Quét mã QR')");
        await page.ClickAsync("[data-screen='quet-ma'] button:has-text('Xác nhận trả tiền')");
        await page.Locator("[data-screen='thanh-cong']").WaitForAsync();
        await PhoneBrowser.WaitUntilAsync(page, "document.getElementById('outbox').textContent.indexOf('Có 1 bài làm đang chờ gửi') === 0", "the waiting notice");
        using (var waiting = JsonDocument.Parse(await page.EvaluateAsync<string>("localStorage.getItem('bdhvs.outbox')")))
        {
            var run = waiting.RootElement.EnumerateArray().Single();
            run.GetProperty("practice").GetString().Should().Be("tra-tien-qr");
            run.GetProperty("steps").GetString().Should().Be("0.0", "the path taken is kept to be played again by the server");
        }
        var runId = Guid.Parse(await page.EvaluateAsync<string>("JSON.parse(localStorage.getItem('bdhvs.outbox'))[0].id"));
        await PhoneBrowser.LookAtAsync(page, "practice-offline-waiting");

        await phone.SetOfflineAsync(false);
        await PhoneBrowser.WaitUntilAsync(page, "document.getElementById('outbox').textContent.indexOf('Đã gửi kết quả thực hành lúc') === 0", "the sent notice");
        (await page.EvaluateAsync<string>("localStorage.getItem('bdhvs.outbox')")).Should().Be("[]");
        await page.ReloadAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var response = await phone.APIRequest.GetAsync("/api/progress/tap-duot");
        response.Ok.Should().BeTrue();
        using var progress = JsonDocument.Parse(await response.TextAsync());
        var practice = progress.RootElement.GetProperty("practices").GetProperty("tra-tien-qr");
        practice.GetProperty("passed").GetBoolean().Should().BeTrue("the run played offline went the right way");
        practice.GetProperty("runs").GetInt32().Should().Be(1);
        await using var db = site.Site.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        (await db.PracticeRuns.CountAsync(r => r.RunId == runId)).Should().Be(1, "a run sent once is kept once");
    }
}
