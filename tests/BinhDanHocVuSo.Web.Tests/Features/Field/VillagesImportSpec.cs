using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace BinhDanHocVuSo.Web.Tests.Features.Field;

/// <summary>
/// An administrator loads villages at <c>/admin/villages</c>: every bad row is named by the file and its line, a file with
/// one bad row loads nothing, and the villages loaded before stay as they were.
/// </summary>
public sealed partial class VillagesImportSpec() : PlatformSpec(DatabaseProvider.Sqlite)
{
    const string Header = "xa_phuong,ma_thon,ten_thon,dan_so_truong_thanh\n";
    const string Commune = People.Commune;

    [Fact]
    public async Task A_file_with_bad_rows_names_the_file_and_each_bad_line_and_loads_nothing()
    {
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));
        var csv = Header + $"""
            {Commune},thon-na-lan,Thôn Nà Lần,412
            cao-bang/xa-khong-co,thon-mot,Thôn Một,100
            {Commune},Thôn Hai,Thôn Hai,100
            {Commune},thon-ba,Thôn Ba,nhiều
            {Commune},thon-na-lan,Thôn Nà Lần lặp,90
            {Commune},thon-bon,,50
            """;

        var response = await Upload(admin, "thon-thuc-phan.csv", Encoding.UTF8.GetBytes(csv));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.Should().Contain("thon-thuc-phan.csv, dòng 3: không có xã/phường mã \"cao-bang/xa-khong-co\"")
            .And.Contain("thon-thuc-phan.csv, dòng 4: mã thôn \"Thôn Hai\" không hợp lệ")
            .And.Contain("thon-thuc-phan.csv, dòng 5: dân số từ 18 tuổi \"nhiều\" không hợp lệ")
            .And.Contain($"thon-thuc-phan.csv, dòng 6: thôn \"{Commune}/thon-na-lan\" đã có ở dòng 2.")
            .And.Contain("thon-thuc-phan.csv, dòng 7: tên thôn phải có")
            .And.Contain("Chưa nạp thôn nào")
            .And.NotContain("dòng 2:");
        (await CountAsync(db => db.Villages())).Should().Be(0, "one bad row loads nothing");
    }

    [Fact]
    public async Task A_bad_row_of_an_excel_sheet_is_named_by_its_line_in_the_sheet()
    {
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));
        var sheet = new MemoryStream();
        sheet.SaveAs(new[]
        {
            new { xa_phuong = Commune, ma_thon = "thon-na-lan", ten_thon = "Thôn Nà Lần", dan_so_truong_thanh = "412" },
            new { xa_phuong = Commune, ma_thon = "thon-pac-bo", ten_thon = "Thôn Pác Bó", dan_so_truong_thanh = "-3" },
        }, excelType: ExcelType.XLSX);

        var response = await Upload(admin, "thon.xlsx", sheet.ToArray());
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.Should().Contain("thon.xlsx, dòng 3: dân số từ 18 tuổi \"-3\" không hợp lệ").And.NotContain("dòng 2:");
        (await CountAsync(db => db.Villages())).Should().Be(0);
    }

    [Fact]
    public async Task A_failed_load_keeps_the_villages_already_loaded_as_they_were()
    {
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));
        var first = await Upload(admin, "dot-1.csv", Encoding.UTF8.GetBytes(Header + $"""
            {Commune},thon-na-lan,Thôn Nà Lần,412
            {Commune},thon-pac-bo,Thôn Pác Bó,
            """));
        var firstPage = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());

        var second = await Upload(admin, "dot-2.csv", Encoding.UTF8.GetBytes(Header + $"""
            {Commune},thon-na-lan,Thôn Nà Lần mới,500
            {Commune},thon-pac-bo,Thôn Pác Bó,380
            {Commune},thon-moi,Thôn Mới,không rõ
            """));
        var secondPage = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        var villages = await InScope(s => s.GetRequiredService<AppDbContext>().Villages().AsNoTracking().OrderBy(v => v.Id).ToListAsync());

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        firstPage.Should().Contain("Đã nạp dot-1.csv: thêm 2 thôn, cập nhật 0 thôn.");
        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        secondPage.Should().Contain("dot-2.csv, dòng 4:").And.Contain("Chưa nạp thôn nào");
        villages.Select(v => (v.Id, v.Name, v.AdultPopulation)).Should().Equal(
            ($"{Commune}/thon-na-lan", "Thôn Nà Lần", (int?)412),
            ($"{Commune}/thon-pac-bo", "Thôn Pác Bó", (int?)null));
    }

    [Fact]
    public async Task A_good_file_loaded_again_updates_names_and_adults_under_the_same_ids_and_keeps_villages_left_out()
    {
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));
        await Upload(admin, "dot-1.csv", Encoding.UTF8.GetBytes(Header + $"{Commune},thon-na-lan,Thôn Nà Lần,412\n{Commune},thon-pac-bo,Thôn Pác Bó,\n"));

        var again = await Upload(admin, "dot-2.csv", Encoding.UTF8.GetBytes(Header + $"{Commune},thon-pac-bo,Bản Pác Bó,380\n{Commune},thon-moi,Thôn Mới,120\n"));
        var page = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());
        var villages = await InScope(s => s.GetRequiredService<AppDbContext>().Villages().AsNoTracking().OrderBy(v => v.Id).ToListAsync());

        page.Should().Contain("Đã nạp dot-2.csv: thêm 1 thôn, cập nhật 1 thôn.");
        villages.Select(v => (v.Id, v.Name, v.AdultPopulation)).Should().Equal(
            ($"{Commune}/thon-moi", "Thôn Mới", (int?)120),
            ($"{Commune}/thon-na-lan", "Thôn Nà Lần", (int?)412),
            ($"{Commune}/thon-pac-bo", "Bản Pác Bó", (int?)380));
    }

    static async Task<HttpResponseMessage> Upload(HttpClient browser, string fileName, byte[] content)
    {
        var page = await browser.GetStringAsync("/admin/villages");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "File", fileName },
        };
        return await browser.PostAsync("/admin/villages", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
