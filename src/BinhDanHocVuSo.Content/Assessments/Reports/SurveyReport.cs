using BinhDanHocVuSo.Content.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Assessments.Reports;

/// <summary>Report header (spec section e.1).</summary>
/// <param name="Group">The group described.</param>
/// <param name="Respondents">n: members who answered.</param>
/// <param name="Invited">How many were invited.</param>
/// <param name="ResponseRate">n / invited, or null when nobody was invited.</param>
/// <param name="LowResponseRate">Whether the response rate is below the survey's flag (60 %): results may not represent the group.</param>
/// <param name="SurveyId">The survey's id.</param>
/// <param name="SurveyVersion">The survey version answered.</param>
/// <param name="GroupSuppressed">Whether the whole group is too small to show any result.</param>
/// <param name="SuppressedCells">How many cells of the report are hidden.</param>
/// <param name="Notice">Vietnamese notice about hidden cells, or null when none is hidden.</param>
/// <param name="Flagged">Respondents in the group who failed the attention check or answered too fast.</param>
/// <param name="FlaggedIncluded">Whether they are counted in the figures (left out by default, spec e.7).</param>
public sealed record ReportHeader(
    GroupKey Group,
    int Respondents,
    int Invited,
    double? ResponseRate,
    bool LowResponseRate,
    string SurveyId,
    int SurveyVersion,
    bool GroupSuppressed,
    int SuppressedCells,
    string? Notice,
    int Flagged,
    bool FlaggedIncluded);

/// <summary>A heat-map cell: mean level and % below target of one group for one competence (spec section e.2).</summary>
/// <param name="Group">The column's group.</param>
/// <param name="MeanLevel">Mean numeric level L.</param>
/// <param name="PercentBelowTarget">Percentage (0–100) below the target of their role.</param>
public sealed record HeatMapCell(GroupKey Group, ReportCell MeanLevel, ReportCell PercentBelowTarget);

/// <summary>A heat-map row: one competence across the report's group and its sub-groups.</summary>
/// <param name="CompetenceId">E.g. "4.2".</param>
/// <param name="Total">The report's whole group.</param>
/// <param name="Columns">The sub-groups, in the order given.</param>
public sealed record HeatMapRow(string CompetenceId, HeatMapCell Total, IReadOnlyList<HeatMapCell> Columns);

/// <summary>A row of the priority list (spec section e.3).</summary>
/// <param name="Rank">1 for the highest priority.</param>
/// <param name="CompetenceId">E.g. "4.2".</param>
/// <param name="Priority">P = w̄ · p · Ḡ⁺.</param>
/// <param name="PercentBelowTarget">p as a percentage (0–100).</param>
/// <param name="MeanGap">Ḡ⁺.</param>
/// <param name="Target">Median target of the members below target (roles may differ in a mixed group).</param>
/// <param name="CourseSlug">The recommended course, or null for a content gap.</param>
/// <param name="Minutes">The course's minutes, or null.</param>
/// <param name="ToEnrol">How many members to enrol (those below target).</param>
/// <param name="MembersToEnrol">Their ids, for the one action that turns the row into a course assignment; not for display.</param>
public sealed record PriorityRow(
    int Rank,
    string CompetenceId,
    ReportCell Priority,
    ReportCell PercentBelowTarget,
    ReportCell MeanGap,
    ReportCell Target,
    string? CourseSlug,
    int? Minutes,
    ReportCell ToEnrol,
    IReadOnlyList<string> MembersToEnrol);

/// <summary>The share of a group in one band.</summary>
/// <param name="Band">The band.</param>
/// <param name="Percent">Percentage (0–100) of the members whose domain level is in the band.</param>
public sealed record BandShare(ScoreBand Band, ReportCell Percent);

/// <summary>The distribution of a group over the bands for one domain, against target (spec section e.4).</summary>
/// <param name="DomainId">E.g. "4".</param>
/// <param name="Bands">One share per band, from the lowest.</param>
/// <param name="MeanLevel">Mean domain level L_d.</param>
/// <param name="MeanTarget">Mean domain target (each member's target averaged over the domain's competences).</param>
/// <param name="PercentBelowTarget">Percentage (0–100) of members with L_d below their domain target.</param>
public sealed record DomainViewRow(string DomainId, IReadOnlyList<BandShare> Bands, ReportCell MeanLevel, ReportCell MeanTarget, ReportCell PercentBelowTarget);

/// <summary>Self versus knowledge score of a group for one domain (spec section e.5).</summary>
/// <param name="Group">The group, e.g. an age band.</param>
/// <param name="DomainId">E.g. "4".</param>
/// <param name="SelfScore">Mean domain self score SR_d (0–1).</param>
/// <param name="KnowledgeScore">Mean domain knowledge score KC_d (0–1).</param>
/// <param name="PercentOverconfident">Percentage (0–100) with SR_d − KC_d at or above the overconfidence gap.</param>
public sealed record CalibrationRow(GroupKey Group, string DomainId, ReportCell SelfScore, ReportCell KnowledgeScore, ReportCell PercentOverconfident);

/// <summary>The numbers of a report for a trainer or leader (spec section e.1–e.6); aggregates only, small cells hidden.</summary>
/// <param name="Header">Group, response rate, version, notice.</param>
/// <param name="HeatMap">Competences × groups.</param>
/// <param name="Priorities">The top K recommendations.</param>
/// <param name="Domains">Band distribution per domain.</param>
/// <param name="Calibration">Self versus knowledge per calibration group and domain.</param>
/// <param name="ContentGaps">Recommended competences without a fitting course ("Thiếu học liệu").</param>
public sealed record SurveyReport(
    ReportHeader Header,
    IReadOnlyList<HeatMapRow> HeatMap,
    IReadOnlyList<PriorityRow> Priorities,
    IReadOnlyList<DomainViewRow> Domains,
    IReadOnlyList<CalibrationRow> Calibration,
    IReadOnlyList<string> ContentGaps)
{
    /// <summary>Every cell of the report, e.g. to count the hidden ones.</summary>
    public IEnumerable<ReportCell> Cells =>
        HeatMap.SelectMany(r => r.Columns.Prepend(r.Total)).SelectMany(c => new[] { c.MeanLevel, c.PercentBelowTarget })
            .Concat(Priorities.SelectMany(p => new[] { p.Priority, p.PercentBelowTarget, p.MeanGap, p.Target, p.ToEnrol }))
            .Concat(Domains.SelectMany(d => d.Bands.Select(b => b.Percent).Concat([d.MeanLevel, d.MeanTarget, d.PercentBelowTarget])))
            .Concat(Calibration.SelectMany(c => new[] { c.SelfScore, c.KnowledgeScore, c.PercentOverconfident }));
}

/// <summary>
/// Where a report's group sits in the whole population the survey covers (the province): the report of a trainer's or a
/// leader's communes shows the province's nodes inside them, decided once over the province, so that no difference
/// between two readers' pages, or between a reader's page and the province's, isolates a small group.
/// </summary>
/// <param name="Province">The province's tree, with communes at its first level.</param>
/// <param name="NodeOf">For each node of the report's tree but the root (index 0, unused), its node in <paramref name="Province"/>.</param>
/// <param name="Communes">The province's first-level nodes (communes) that make up the report's group.</param>
public sealed record ReportScope(ReportTree Province, int[] NodeOf, int[] Communes);

/// <summary>What a report is about.</summary>
/// <param name="Tree">The group the report describes (its root, flagged respondents included) and the groups inside it
/// that the heat map may show (see <see cref="ReportTrees.For"/>).</param>
/// <param name="Invited">How many people of the group were invited.</param>
/// <param name="Courses">Courses to recommend from.</param>
/// <param name="CalibrationGroups">Disjoint groups to compare in the calibration view; the whole group when empty.</param>
/// <param name="IncludeFlagged">Whether flagged respondents count in the figures; by default they are left out.</param>
/// <param name="Scope">Where the group sits in the province; null when the group is the whole population.</param>
public sealed record ReportRequest(
    ReportTree Tree,
    int Invited,
    IReadOnlyList<CourseOffer> Courses,
    IReadOnlyList<ReportGroup> CalibrationGroups,
    bool IncludeFlagged = false,
    ReportScope? Scope = null)
{
    /// <summary>A report of a group with the given disjoint sub-groups as heat-map columns, flagged respondents left out.</summary>
    public ReportRequest(ReportGroup Group, int Invited, IReadOnlyList<CourseOffer> Courses, IReadOnlyList<ReportGroup> HeatMapColumns, IReadOnlyList<ReportGroup> CalibrationGroups)
        : this(ReportTree.Flat(Group, HeatMapColumns), Invited, Courses, CalibrationGroups)
    {
    }

    /// <summary>The group the report describes, flagged respondents included.</summary>
    public ReportGroup Group => Tree.Root;

    /// <summary>
    /// The request of the report page: the communes in scope (all of them when <paramref name="scope"/> is null) grouped as
    /// asked (<see cref="ReportTrees.For"/>). Calibration is shown for the whole group only: age bands across communes
    /// would cross the communes of another reader's page.
    /// </summary>
    /// <param name="survey">The survey.</param>
    /// <param name="population">Every scored respondent of the survey version, in every commune.</param>
    /// <param name="by">The grouping asked for.</param>
    /// <param name="includeFlagged">Whether flagged respondents count.</param>
    /// <param name="invited">How many people in scope were invited.</param>
    /// <param name="courses">Courses to recommend from.</param>
    /// <param name="scope">The communes the reader sees; null for the whole province.</param>
    public static ReportRequest For(
        SurveyDefinition survey, IReadOnlyList<RespondentScores> population, GroupBy by, bool includeFlagged, int invited,
        IReadOnlyList<CourseOffer> courses, IReadOnlyCollection<string>? scope = null)
    {
        if (scope is null)
        {
            return new ReportRequest(ReportTrees.For(survey, new ReportGroup(GroupKey.All, population), by), invited, courses, [], includeFlagged);
        }

        var communes = scope as IReadOnlySet<string> ?? scope.ToHashSet(StringComparer.Ordinal);
        var province = ReportTrees.For(survey, new ReportGroup(GroupKey.All, population), ReportTrees.Normalize(by) | GroupBy.Commune);
        var depth = ReportTrees.Depth(by);
        // One commune in scope: its node is the report's own group, not a column beside it.
        var firstLevel = communes.Count == 1 ? 2 : 1;
        var nodeDepth = new int[province.Nodes.Count];
        var nodes = new List<ReportNode> { new(new ReportGroup(GroupKey.All, [.. population.Where(p => communes.Contains(p.Background.CommuneId))]), -1) };
        var nodeOf = new List<int> { -1 };
        var indexIn = new Dictionary<int, int> { [0] = 0 };
        var parts = new List<int>();
        for (var i = 1; i < province.Nodes.Count; i++)
        {
            var node = province.Nodes[i];
            nodeDepth[i] = nodeDepth[node.Parent] + 1;
            if (node.Group.Key.CommuneId is not { } commune || !communes.Contains(commune))
            {
                continue;
            }

            if (nodeDepth[i] == 1)
            {
                parts.Add(i);
            }

            if (nodeDepth[i] > depth)
            {
                continue;
            }

            if (nodeDepth[i] < firstLevel)
            {
                indexIn[i] = 0;
                continue;
            }

            indexIn[i] = nodes.Count;
            nodes.Add(new ReportNode(node.Group, indexIn[node.Parent]));
            nodeOf.Add(i);
        }

        return new ReportRequest(new ReportTree(nodes), invited, courses, [], includeFlagged, new ReportScope(province, [.. nodeOf], [.. parts]));
    }
}
