using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Groups;

/// <summary>Someone without an account opens a group's join link, bấm "Đăng ký", signs up, and lands in the group.</summary>
public sealed partial class JoinAfterSignUpSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task A_join_link_followed_by_sign_up_still_ends_at_the_group()
    {
        var (_, groupId) = await Platform.TrainerWithGroupAsync("Tổ 3 thôn Bản Giới");
        var code = await InScope(s => s.GetRequiredService<AppDbContext>().Groups.Where(g => g.Id == groupId).Select(g => g.JoinCode).SingleAsync());
        var browser = Platform.Browser();

        var joinLink = await browser.GetAsync($"/join/{code}");
        var login = await browser.GetStringAsync(joinLink.Headers.Location!.ToString());
        var register = WebUtility.HtmlDecode(SignUpLink().Match(login).Groups[1].Value);
        var signedUp = await browser.SubmitFormAsync(register, new()
        {
            ["Phone"] = "0912 765 432", ["FullName"] = "Hoàng Văn Tài", ["Commune"] = People.Commune, ["Password"] = "482913", ["ConfirmPassword"] = "482913",
        });

        joinLink.StatusCode.Should().Be(HttpStatusCode.Redirect, "the join page asks a stranger to sign in first");
        register.Should().Contain("ReturnUrl=", "the sign-up link carries where the person was going");
        signedUp.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signedUp.Headers.Location!.ToString().Should().Be($"/join/{code}");
        (await browser.GetStringAsync($"/join/{code}")).Should().Contain("Tổ 3 thôn Bản Giới").And.Contain("Tham gia nhóm");
        (await browser.SubmitFormAsync($"/join/{code}", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await InScope(s => s.GetRequiredService<AppDbContext>().GroupMembers.CountAsync(m => m.GroupId == groupId))).Should().Be(1);
    }

    [Fact]
    public async Task A_return_address_to_another_site_is_not_followed_after_sign_up()
    {
        var browser = Platform.Browser();

        var signedUp = await browser.SubmitFormAsync("/account/register?ReturnUrl=https%3A%2F%2Fevil.example%2F", new()
        {
            ["Phone"] = "0912 765 433", ["FullName"] = "Hoàng Văn Tài", ["Commune"] = People.Commune, ["Password"] = "482913", ["ConfirmPassword"] = "482913",
        });

        signedUp.Headers.Location!.ToString().Should().Be("/");
    }

    [GeneratedRegex("href=\"(/account/register[^\"]*)\"")]
    private static partial Regex SignUpLink();
}
