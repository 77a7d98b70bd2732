using System.Net;
using System.Text;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Accounts;

/// <summary>A trainer preparing a list of learners starts from the platform's own template, and prints the login cards.</summary>
public sealed class ImportTemplateSpec() : PlatformSpec(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task The_import_page_offers_a_template_that_filled_in_is_accepted_as_it_is()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));

        var page = await trainer.GetStringAsync("/trainer/import");
        var template = await trainer.GetAsync("/trainer/import?handler=template");
        var bytes = await template.Content.ReadAsByteArrayAsync();
        var filled = Encoding.UTF8.GetString(bytes) + "Nông Thị Én,0912 000 091,cao-bang/phuong-thuc-phan,Tổ 5\r\n";
        var upload = await ImportSpec.Upload(trainer, "mau-danh-sach-hoc-vien.csv", Encoding.UTF8.GetBytes(filled));
        var cards = await ImportSpec.EndedAsync(trainer, upload);

        page.Should().Contain("href=\"/trainer/import?handler=template\"").And.Contain("Tải tệp mẫu (CSV)");
        template.StatusCode.Should().Be(HttpStatusCode.OK);
        template.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        template.Content.Headers.ContentDisposition!.ToString().Should().StartWith("attachment").And.Contain("mau-danh-sach-hoc-vien.csv");
        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble(), "a spreadsheet program then reads the Vietnamese letters typed into it as UTF-8");
        Encoding.UTF8.GetString(bytes[3..]).Should().Be("ho_ten,so_dien_thoai,xa_phuong,nhom\r\n");
        cards.Should().Contain("Nông Thị Én");
        cards.Should().Contain("<button type=\"button\" data-print hidden>In thẻ đăng nhập</button>", "the cards page has its print button");
    }

    [Fact]
    public async Task The_template_uploaded_unchanged_creates_nobody()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var template = await (await trainer.GetAsync("/trainer/import?handler=template")).Content.ReadAsByteArrayAsync();

        var upload = await ImportSpec.Upload(trainer, "mau-danh-sach-hoc-vien.csv", template);

        upload.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
