namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>
/// A person with an account. The user name is the normalised Vietnamese mobile number (no email needed);
/// <see cref="IdentityUser{TKey}.Id"/> is also the person's learner id, so a guest's history becomes theirs.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public required string FullName { get; set; }

    /// <summary>Commune id as in the commune list, e.g. <c>cao-bang/xa-bach-dang</c>.</summary>
    public required string Commune { get; set; }

    /// <summary>Set for accounts a trainer created: the person chooses their own password at first sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAt { get; set; }
}
