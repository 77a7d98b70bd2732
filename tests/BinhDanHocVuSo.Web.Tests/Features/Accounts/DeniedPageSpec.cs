using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Accounts;

/// <summary>Someone just made a trainer opens a trainer page before their session knows it, and learns what to do.</summary>
public sealed partial class DeniedPageSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task A_role_granted_during_the_session_is_refused_with_a_Vietnamese_hint_to_sign_out_and_in_again_which_works()
    {
        var person = await Platform.CreateAsync();
        var browser = await Platform.SignedInAs(person);
        using (var scope = Platform.Services.CreateScope())
        {
            // As the admin page grants a role: the role, then a new security stamp.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(person.Id.ToString()))!;
            (await users.AddToRoleAsync(user, Roles.Trainer)).Succeeded.Should().BeTrue();
            await users.UpdateSecurityStampAsync(user);
        }

        var refused = await browser.GetAsync("/groups");
        var denied = await browser.GetAsync(refused.Headers.Location!.ToString());
        var page = await denied.Content.ReadAsStringAsync();
        var signOut = SignOutForm().Match(page);
        var signedOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = signOut.Groups[1].Value,
        }));
        var again = await Platform.SignedInAs(person);
        var groups = await again.GetAsync("/groups");

        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        denied.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        page.Should().Contain("Bạn không có quyền xem trang này.")
            .And.Contain("Nếu quản trị viên vừa cấp hoặc đổi quyền cho bạn, quyền mới có hiệu lực khi bạn đăng nhập lại");
        signOut.Success.Should().BeTrue("the page offers the sign-out button it speaks of");
        signedOut.StatusCode.Should().Be(HttpStatusCode.Redirect, "the button signs out");
        groups.StatusCode.Should().Be(HttpStatusCode.OK, "signed in again, the new role works");
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_not_told_to_sign_out()
    {
        var response = await Platform.Browser().GetAsync("/account/denied");
        var page = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        page.Should().NotContain("/account/logout").And.NotContain("đăng nhập lại");
    }

    [GeneratedRegex("<form method=\"post\" action=\"/account/logout\"[^>]*>.*?name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex SignOutForm();
}
