namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>Writes the audit trail of role changes, resets, imports and deletions. Details never hold secrets.</summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    public const string RoleGranted = "role-granted";
    public const string RoleRevoked = "role-revoked";
    public const string ResetCodeIssued = "reset-code-issued";
    public const string PasswordReset = "password-reset";
    public const string AccountsImported = "accounts-imported";
    public const string AccountDeleted = "account-deleted";
    public const string AdminCreated = "admin-created";

    /// <summary>Adds an entry to the context; it is saved with the change it records.</summary>
    public void Record(Guid? actor, string action, Guid? target, string details) =>
        db.AuditEntries.Add(new AuditEntryRow
        {
            At = clock.GetUtcNow().UtcDateTime, ActorId = actor, Action = action, TargetUserId = target,
            Details = details.Length <= Limits.Answer ? details : details[..Limits.Answer],
        });
}
