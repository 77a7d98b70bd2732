using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Accounts;

/// <summary>Names people look for in a list (communes, groups, members) are in the order a Vietnamese reader expects.</summary>
public sealed class VietnameseOrderSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    [Fact]
    public void Đ_comes_after_every_D_and_before_E_and_tone_marks_count_after_the_letters()
    {
        string[] names = ["Xã Huy Giáp", "Xã Đức Long", "Xã Em", "Xã Dương", "Xã Hà Quảng", "xã đàm thuỷ", "Xã Đoài Dương"];

        names.OrderByName(n => n).Should().Equal(
            "Xã Dương", "xã đàm thuỷ", "Xã Đoài Dương", "Xã Đức Long", "Xã Em", "Xã Hà Quảng", "Xã Huy Giáp");
        VietnameseOrder.Names.Compare("Đông Khê", "Dân Chủ").Should().BePositive();
        VietnameseOrder.Names.Compare("Đông Khê", "Em").Should().BeNegative();
    }

    [Fact]
    public async Task The_sign_up_page_lists_communes_alphabetically_in_Vietnamese()
    {
        var html = await Platform.Browser().GetStringAsync("/account/register");

        html.IndexOf("Xã Hà Quảng", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("Xã Huy Giáp", StringComparison.Ordinal));
        html.IndexOf("Xã Đức Long", StringComparison.Ordinal).Should().BePositive()
            .And.BeLessThan(html.IndexOf("Xã Hà Quảng", StringComparison.Ordinal), "Đ comes before H, not after every letter");
        html.IndexOf("Xã Bế Văn Đàn", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("Xã Đức Long", StringComparison.Ordinal));
    }
}
