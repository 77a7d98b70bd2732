namespace BinhDanHocVuSo.Web.Data;

/// <summary>A group a trainer runs: a village's team, the officials of a commune, the residents of a hamlet.</summary>
public sealed class GroupRow
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Commune { get; set; }

    /// <summary>Short code (and QR link) with which a person joins the group themselves.</summary>
    public required string JoinCode { get; set; }

    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }
}

/// <summary>
/// A learner in a group. Keyed by learner id, not by account, so that a deleted account's anonymised
/// results still count in the group's statistics.
/// </summary>
public sealed class GroupMemberRow
{
    public Guid GroupId { get; set; }
    public Guid LearnerId { get; set; }
    public DateTime JoinedAt { get; set; }
}

/// <summary>A trainer (or co-trainer) of a group: they alone see its members' progress.</summary>
public sealed class GroupTrainerRow
{
    public Guid GroupId { get; set; }
    public Guid TrainerId { get; set; }
}

/// <summary>A course assigned to a group, with an optional due date. Unassigning deletes this row only: progress stays.</summary>
public sealed class AssignmentRow
{
    public Guid GroupId { get; set; }
    public required string CourseSlug { get; set; }
    public DateTime? DueAt { get; set; }
    public DateTime AssignedAt { get; set; }
    public Guid AssignedBy { get; set; }
}

/// <summary>
/// A trainer invited a learner to a group by phone number; the learner becomes a member only by accepting it on
/// <c>/join</c>. Declining or accepting removes the invitation.
/// </summary>
public sealed class GroupInvitationRow
{
    public Guid GroupId { get; set; }
    public Guid LearnerId { get; set; }
    public DateTime InvitedAt { get; set; }
    public Guid InvitedBy { get; set; }
}
