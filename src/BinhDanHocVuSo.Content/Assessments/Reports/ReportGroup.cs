using BinhDanHocVuSo.Content.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Assessments.Reports;

/// <summary>A contiguous range of age bands, e.g. "under-30" to "30-39" after merging small neighbouring bands.</summary>
/// <param name="FirstId">The first (youngest) band of the range.</param>
/// <param name="LastId">The last band; equal to <paramref name="FirstId"/> for a single band.</param>
public sealed record AgeBandRange(string FirstId, string LastId);

/// <summary>What a report group is: a commune, a position, an age range, or a combination; null parts mean "all".</summary>
/// <param name="CommuneId">The commune, or null for the whole province.</param>
/// <param name="RoleId">The job position, or null for all positions.</param>
/// <param name="AgeBands">The age range, or null for all ages.</param>
public sealed record GroupKey(string? CommuneId, string? RoleId, AgeBandRange? AgeBands)
{
    /// <summary>Everyone: the whole province, all positions and ages.</summary>
    public static GroupKey All { get; } = new(null, null, null);
}

/// <summary>A group of scored respondents that a report describes.</summary>
/// <param name="Key">What the group is.</param>
/// <param name="Members">Its respondents.</param>
public sealed record ReportGroup(GroupKey Key, IReadOnlyList<RespondentScores> Members);

/// <summary>Which background questions to group by; combine them with |.</summary>
[Flags]
public enum GroupBy
{
    /// <summary>One group of everyone.</summary>
    None = 0,

    /// <summary>By commune.</summary>
    Commune = 1,

    /// <summary>By job position.</summary>
    Position = 2,

    /// <summary>By age band.</summary>
    AgeBand = 4,
}
