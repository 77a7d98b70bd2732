using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Certificates;

/// <summary>Someone checking a paper certificate learns plainly whether it is genuine.</summary>
public sealed partial class CertificateCheckSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    [Theory]
    [InlineData("0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("GCN-2026-0001")]
    public async Task A_certificate_id_nobody_was_given_is_answered_not_valid_rather_than_page_not_found(string id)
    {
        var response = await Platform.Browser().GetAsync($"/xac-minh/{id}");
        var page = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        page.Should().Contain("Giấy chứng nhận không hợp lệ").And.NotContain("Không tìm thấy trang này")
            .And.NotContain("bài học đã được chuyển chỗ");
    }

    [Fact]
    public async Task The_certificate_QR_code_is_described_to_screen_readers_in_plain_Vietnamese()
    {
        var (_, browser, _) = await Platform.LearnerWithCertificateAsync();

        var page = await browser.GetStringAsync("/c/khoa-mau/chung-nhan");
        var label = QrLabel().Match(page).Groups[1].Value;

        label.Should().Be("Quét mã để kiểm tra giấy chứng nhận này", "the letters are written as they are, not as &#x…; references");
    }

    [GeneratedRegex("<svg class=\"qr\"[^>]*aria-label=\"([^\"]*)\"")]
    private static partial Regex QrLabel();
}
