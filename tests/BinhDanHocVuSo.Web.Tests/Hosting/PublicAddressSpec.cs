using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Features.Accounts;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Hosting;

/// <summary>What is printed or shared (login cards, posters, join links, certificates) carries the configured public address, never the Host header a request came with.</summary>
public sealed partial class PublicAddressSpec() : PlatformSpec(settings: new Dictionary<string, string?> { [PublicAddress.Key] = "https://hoc.caobang.gov.vn" })
{
    [Fact]
    public async Task The_login_cards_of_an_import_show_the_public_address_even_when_the_host_header_is_forged()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var csv = $"ho_ten,so_dien_thoai,xa_phuong,nhom\nNông Văn An,{People.NewPhone()},{People.Commune},\n";
        var token = Token().Match(await trainer.GetStringAsync("/trainer/import")).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/trainer/import")
        {
            Content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "File", "hoc-vien.csv" },
            },
        };
        request.Headers.Host = "evil.example";

        var upload = await trainer.SendAsync(request);
        var page = await ImportSpec.EndedAsync(trainer, upload, host: "evil.example");

        page.Should().Contain("Nông Văn An").And.Contain("https://hoc.caobang.gov.vn").And.NotContain("evil.example");
    }

    [Fact]
    public async Task A_group_s_join_link_and_a_certificate_s_check_link_show_the_public_address_even_when_the_host_header_is_forged()
    {
        var (trainer, groupId) = await Platform.TrainerWithGroupAsync();
        var (_, learner, _) = await Platform.LearnerWithCertificateAsync();

        var group = await trainer.GetWithForgedHostAsync($"/groups/{groupId}");
        var certificate = (await learner.GetWithForgedHostAsync("/c/khoa-mau/chung-nhan")).Replace("<wbr>", ""); // Addresses may break only after a slash, dot or dash (<wbr>): read them whole.

        group.Should().MatchRegex("https://hoc.caobang.gov.vn/join/[A-Z0-9]{6}").And.NotContain("evil.example");
        certificate.Should().MatchRegex("https://hoc.caobang.gov.vn/xac-minh/[0-9a-f]{32}").And.NotContain("evil.example");
    }

    [Fact]
    public async Task A_public_base_url_that_is_not_an_address_stops_the_start_naming_the_setting()
    {
        var (exitCode, errors) = await WebHostProcess.RunAsync($"--ConnectionStrings:Sqlite={Database.ConnectionString}", $"--{PublicAddress.Key}=hoc.caobang");

        exitCode.Should().NotBe(0);
        errors.Should().Contain($"BinhDanHocVuSo could not start: {PublicAddress.Key} is 'hoc.caobang'").And.NotContain("   at ");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
