using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Certificates;

public sealed class CertificatesSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task A_learner_who_completed_a_course_gets_a_certificate_whose_QR_code_opens_a_public_check_with_name_course_and_date_only()
    {
        var person = await Platform.CreateAsync();
        await Platform.CompleteSampleCourseAsync(person.Id);
        var browser = await Platform.SignedInAs(person);

        var offer = await browser.GetStringAsync("/c/khoa-mau/chung-nhan");
        var certificate = (await browser.ReceiveCertificateAsync("khoa-mau")).Replace("<wbr>", ""); // Addresses may break only after a slash, dot or dash (<wbr>): read them whole.
        var again = (await browser.GetStringAsync("/c/khoa-mau/chung-nhan")).Replace("<wbr>", "");
        var verifyUrl = Regex.Match(certificate, @"http://localhost/xac-minh/[0-9a-f]{32}").Value;
        var check = await Platform.Browser().GetStringAsync(verifyUrl);

        offer.Should().Contain("Nhận giấy chứng nhận").And.Contain($"Người thử {person.Phone[^4..]}").And.NotContain("/xac-minh/",
            "opening the page issues nothing: the learner checks the name and presses the button");
        certificate.Should().Contain($"Người thử {person.Phone[^4..]}").And.Contain("Khoá học mẫu").And.Contain("<svg class=\"qr\"");
        again.Should().Contain(verifyUrl, "a certificate is issued once");
        check.Should().Contain("Giấy chứng nhận hợp lệ").And.Contain($"Người thử {person.Phone[^4..]}").And.Contain("Khoá học mẫu")
            .And.Contain("23/11/2026").And.NotContain(person.Phone);
    }

    [Fact]
    public async Task There_is_no_certificate_before_the_course_is_completed_nor_for_an_unknown_id()
    {
        var person = await Platform.CreateAsync();
        var browser = await Platform.SignedInAs(person);

        (await browser.GetAsync("/c/khoa-mau/chung-nhan")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Platform.Browser().GetAsync($"/xac-minh/{Guid.NewGuid():N}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
