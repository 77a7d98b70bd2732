using BinhDanHocVuSo.Web.Features.Groups;

namespace BinhDanHocVuSo.Web.Tests.Features.Groups;

public sealed class PlainTextSpec
{
    [Theory]
    [InlineData("Khi có người lạ xin <strong>mã OTP</strong>, bạn làm gì?", "Khi có người lạ xin mã OTP, bạn làm gì?")]
    [InlineData("Mở <a href=\"https://x.example/?a=1&amp;b=&gt;2\" title=\"a > b\">trang</a> này", "Mở trang này")]
    [InlineData("Gõ <code>&lt;script&gt;</code> &amp; xem", "Gõ <script> & xem")]
    [InlineData("Không có thẻ nào", "Không có thẻ nào")]
    public void A_prompt_rendered_as_inline_html_reads_as_the_text_a_person_sees(string html, string text) =>
        PlainText.OfInlineHtml(html).Should().Be(text);
}
