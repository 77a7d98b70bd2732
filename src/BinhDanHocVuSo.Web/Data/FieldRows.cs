namespace BinhDanHocVuSo.Web.Data;

// The community digital-technology teams in the field (issue 21): villages, teams, learners' villages and targets.
// Kept apart from the other rows (and reached through FieldData rather than DbSets on AppDbContext) so that this part of
// the model merges on its own.

/// <summary>
/// A village of a commune (thôn, bản, ấp, tổ dân phố), loaded by an administrator from a file at <c>/admin/villages</c>.
/// Its id (<c>province/commune/village</c>) never changes once loaded: learners and teams refer to it.
/// </summary>
public sealed class VillageRow
{
    public required string Id { get; set; }
    public required string Commune { get; set; }
    public required string Name { get; set; }

    /// <summary>Residents aged 18 and over, as the commune counts them: the denominator of every share. Null: not known yet.</summary>
    public int? AdultPopulation { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A community digital-technology team (Tổ công nghệ số cộng đồng) of one commune.</summary>
public sealed class TeamRow
{
    public Guid Id { get; set; }
    public required string Commune { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
}

/// <summary>A village a team covers; a village may be covered by more than one team.</summary>
public sealed class TeamVillageRow
{
    public Guid TeamId { get; set; }
    public required string VillageId { get; set; }
}

/// <summary>A trainer who is a member of a team: they see the progress of the team's villages.</summary>
public sealed class TeamMemberRow
{
    public Guid TeamId { get; set; }
    public Guid TrainerId { get; set; }
}

/// <summary>The village a learner says they live in (one of their account's commune's villages).</summary>
public sealed class LearnerVillageRow
{
    public Guid UserId { get; set; }
    public required string VillageId { get; set; }
    public DateTime ChosenAt { get; set; }
}

/// <summary>
/// A target set by an administrator (for every commune: <see cref="Commune"/> null) or a commune's leader: a share of the
/// adults of each village who finished a course, or a share of the commune's officials who took the survey, by a date.
/// </summary>
public sealed class TargetRow
{
    public Guid Id { get; set; }

    /// <summary>Null: the province's target, for every commune.</summary>
    public string? Commune { get; set; }

    /// <summary><c>course</c> or <c>survey</c>.</summary>
    public required string Kind { get; set; }

    public string? CourseSlug { get; set; }
    public int Percent { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
}

/// <summary>The field tables, reached without DbSets on <see cref="AppDbContext"/>.</summary>
public static class FieldData
{
    public static DbSet<VillageRow> Villages(this AppDbContext db) => db.Set<VillageRow>();
    public static DbSet<TeamRow> Teams(this AppDbContext db) => db.Set<TeamRow>();
    public static DbSet<TeamVillageRow> TeamVillages(this AppDbContext db) => db.Set<TeamVillageRow>();
    public static DbSet<TeamMemberRow> TeamMembers(this AppDbContext db) => db.Set<TeamMemberRow>();
    public static DbSet<LearnerVillageRow> LearnerVillages(this AppDbContext db) => db.Set<LearnerVillageRow>();
    public static DbSet<TargetRow> Targets(this AppDbContext db) => db.Set<TargetRow>();
}
