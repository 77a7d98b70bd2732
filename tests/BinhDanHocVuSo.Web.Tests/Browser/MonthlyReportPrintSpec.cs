using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Tests.Features.Field;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Playwright;

namespace BinhDanHocVuSo.Web.Tests.Browser;

/// <summary>The monthly report printed (or saved as PDF by printing): the table alone, without the site's header, links, forms or buttons.</summary>
public sealed class MonthlyReportPrintSpec(PhoneBrowser site) : IClassFixture<PhoneBrowser>
{
    [Fact]
    public async Task Printed_the_report_keeps_its_heading_and_table_and_drops_navigation_forms_and_buttons()
    {
        const string Commune = "cao-bang/xa-bao-lam";
        await site.Platform.VillagesAsync((Commune + "/to-in-1", "Tổ dân phố In Một", 320));
        await site.Platform.TargetAsync(Commune);
        var admin = await site.Platform.CreateAsync(Roles.Admin);
        await using var phone = await site.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        var report = $"/progress/report?commune={Uri.EscapeDataString(Commune)}&month=2026-11";
        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(report));
        await page.FillAsync("#phone", admin.Phone);
        await page.FillAsync("#password", admin.Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/progress/report**");
        (await page.IsVisibleAsync("form[action='/progress/report']")).Should().BeTrue("on screen the month can be changed");

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        (await page.IsVisibleAsync("h1")).Should().BeTrue();
        (await page.TextContentAsync("h1")).Should().Contain("Báo cáo tháng 11/2026");
        (await page.IsVisibleAsync("table.report-grid")).Should().BeTrue();
        (await page.TextContentAsync("table.report-grid")).Should().Contain("Tổ dân phố In Một");
        foreach (var hidden in new[] { "body > header", "nav", "form", "button", "a[href*='handler=csv']" })
        {
            (await page.Locator(hidden).First.IsVisibleAsync()).Should().BeFalse($"{hidden} is not printed");
        }
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true });
        pdf.Take(4).Should().Equal("%PDF"u8.ToArray());
    }
}
