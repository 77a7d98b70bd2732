using BinhDanHocVuSo.Web.Tests.Support;
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
}
