using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>Adds the person's name, commune and "must choose a password" to the sign-in cookie, so pages need no lookup.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    public const string FullName = "bdhvs:name";
    public const string Commune = "bdhvs:commune";
    public const string MustChangePassword = "bdhvs:must-change-password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FullName, user.FullName));
        identity.AddClaim(new Claim(Commune, user.Commune));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePassword, "true"));
        }
        return identity;
    }
}

public static class FirstPasswordMiddleware
{
    /// <summary>Until a trainer-created account has its own password, every page leads to "Đặt mật khẩu mới".</summary>
    public static IApplicationBuilder UseFirstPasswordRequirement(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var path = http.Request.Path;
            if (http.User.HasClaim(c => c.Type == AppClaimsFactory.MustChangePassword)
                && HttpMethods.IsGet(http.Request.Method)
                && !path.StartsWithSegments("/account") && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/health")
                && !Path.HasExtension(path.Value))
            {
                http.Response.Redirect("/account/password");
                return Task.CompletedTask;
            }
            return next(http);
        });
}
