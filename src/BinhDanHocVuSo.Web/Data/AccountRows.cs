namespace BinhDanHocVuSo.Web.Data;

/// <summary>Who did what to whose account: role changes, resets, imports, deletions. Never a password or code.</summary>
public sealed class AuditEntryRow
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public required string Action { get; set; }
    public Guid? TargetUserId { get; set; }
    public required string Details { get; set; }
}

/// <summary>A one-time password-reset code a trainer or admin gave a learner in person; only its hash is kept.</summary>
public sealed class ResetCodeRow
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string CodeHash { get; set; }
    public DateTime ExpiresAt { get; set; }
    public Guid IssuedBy { get; set; }
    public DateTime? UsedAt { get; set; }
}

/// <summary>
/// A commune an administrator assigned to a trainer: the trainer may create groups there and sees its survey report.
/// The trainer's own commune (<c>AppUser.Commune</c>) counts as assigned without a row.
/// </summary>
public sealed class TrainerCommuneRow
{
    public Guid TrainerId { get; set; }
    public required string Commune { get; set; }
    public DateTime AssignedAt { get; set; }
    public Guid? AssignedBy { get; set; }
}
