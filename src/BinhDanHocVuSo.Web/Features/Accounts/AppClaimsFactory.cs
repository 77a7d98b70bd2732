using System.Security.Claims;

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
