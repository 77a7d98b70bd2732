using System.Security.Cryptography;
using System.Text;
using BinhDanHocVuSo.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>
/// Password reset without email or SMS: a trainer or admin of the learner's commune meets the learner,
/// issues a one-time 8-digit code (valid 24 hours, logged), and the learner sets a new password with it.
/// </summary>
public sealed class ResetCodes(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>Whether <paramref name="issuer"/> may reset <paramref name="learner"/>'s password.</summary>
    public static bool MayReset(AppUser issuer, IList<string> issuerRoles, AppUser learner) =>
        issuerRoles.Contains(Roles.Admin) || (issuerRoles.Contains(Roles.Trainer) && issuer.Commune == learner.Commune);

    public async Task<string> IssueAsync(AppUser learner, Guid issuerId)
    {
        var code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8");
        db.ResetCodes.Add(new ResetCodeRow
        {
            Id = Guid.NewGuid(), UserId = learner.Id, CodeHash = Hash(learner.Id, code),
            ExpiresAt = clock.GetUtcNow().UtcDateTime + Lifetime, IssuedBy = issuerId,
        });
        audit.Record(issuerId, AuditLog.ResetCodeIssued, learner.Id, "one-time code, 24 h");
        await db.SaveChangesAsync();
        return code;
    }

    /// <summary>Sets a new password when the code is right, unused and not expired; a wrong code counts as a failed sign-in.</summary>
    public async Task<IdentityResult?> RedeemAsync(string phone, string code, string newPassword)
    {
        var user = await users.FindByNameAsync(phone);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Hash(user.Id, code.Trim());
        var row = await db.ResetCodes.FirstOrDefaultAsync(r => r.UserId == user.Id && r.CodeHash == hash && r.UsedAt == null);
        if (row is null || row.ExpiresAt < now)
        {
            await users.AccessFailedAsync(user);
            return null;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            row.UsedAt = now;
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
            await users.ResetAccessFailedCountAsync(user);
            audit.Record(user.Id, AuditLog.PasswordReset, user.Id, "with a one-time code");
            await db.SaveChangesAsync();
        }
        return result;
    }

    static string Hash(Guid userId, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId:N}:{code}")));
}
