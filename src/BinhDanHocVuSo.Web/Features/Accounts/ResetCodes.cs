namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>
/// Password reset without email or SMS: a trainer or admin of the learner's commune meets the learner,
/// issues a one-time 8-digit code (valid 24 hours, logged), and the learner sets a new password with it.
/// </summary>
public sealed class ResetCodes(AppDbContext db, UserManager<AppUser> users, AuditLog audit, IGrainFactory grains, TimeProvider clock)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// Whether <paramref name="issuer"/> may reset <paramref name="target"/>'s password: an administrator anyone's;
    /// a trainer only a learner of their own commune whose sole role is Learner, because a staff account
    /// (Official, Trainer, Admin) reset by a trainer would be a way to take over that account and its rights.
    /// </summary>
    public static bool MayReset(AppUser issuer, IList<string> issuerRoles, AppUser target, IList<string> targetRoles) =>
        issuerRoles.Contains(Roles.Admin)
        || (issuerRoles.Contains(Roles.Trainer) && issuer.Commune == target.Commune && issuer.Id != target.Id
            && targetRoles.All(role => role == Roles.Learner));

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

    /// <summary>
    /// Sets a new password when the code is right, unused and not expired. It works while sign-in is throttled for
    /// the number (that is what the code is for); wrong codes are throttled on their own, per number, known or not.
    /// The new password ends every other session of the account (a new security stamp) and lifts the sign-in wait.
    /// </summary>
    public async Task<ResetOutcome> RedeemAsync(string phone, string code, string newPassword)
    {
        var throttle = AttemptThrottle.For(grains, AttemptThrottle.Reset, phone);
        if (await throttle.SecondsToWait() is > 0 and var wait)
        {
            return new ResetOutcome(null, wait);
        }
        var user = await users.FindByNameAsync(phone);
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = user is null ? "" : Hash(user.Id, code.Trim());
        var row = user is null ? null
            : await db.ResetCodes.FirstOrDefaultAsync(r => r.UserId == user.Id && r.CodeHash == hash && r.UsedAt == null);
        if (user is null || row is null || row.ExpiresAt < now)
        {
            return new ResetOutcome(null, await throttle.Failed());
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        // ResetPasswordAsync also gives the account a new security stamp, which ends its other sessions.
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            row.UsedAt = now;
            user.MustChangePassword = false;
            user.LockoutEnd = null;
            await users.UpdateAsync(user);
            await users.ResetAccessFailedCountAsync(user);
            audit.Record(user.Id, AuditLog.PasswordReset, user.Id, "with a one-time code");
            await db.SaveChangesAsync();
            await throttle.Clear();
            await AttemptThrottle.For(grains, AttemptThrottle.SignIn, phone).Clear();
        }
        return new ResetOutcome(result, 0);
    }

    static string Hash(Guid userId, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId:N}:{code}")));
}

/// <summary>The answer to a reset: null result for a wrong, used or expired code; a wait after too many wrong codes.</summary>
public sealed record ResetOutcome(IdentityResult? Result, int SecondsToWait);
