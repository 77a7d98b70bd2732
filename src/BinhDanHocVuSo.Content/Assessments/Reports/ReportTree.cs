using BinhDanHocVuSo.Content.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Assessments.Reports;

/// <summary>A group of a report tree and where it sits.</summary>
/// <param name="Group">The group, flagged respondents included.</param>
/// <param name="Parent">The node it lies inside; -1 for the root.</param>
public sealed record ReportNode(ReportGroup Group, int Parent);

/// <summary>
/// The groups a report page may show for one grouping, as a tree: the report's whole group at node 0, then each level of
/// the grouping's chain inside the one before (see <see cref="DisclosurePlan"/>), every parent before its children. The
/// leaves are the page's columns; an inner node (e.g. a position across the province) is a column too when one of the
/// groups inside it is hidden: the roll-up.
/// </summary>
public sealed record ReportTree(IReadOnlyList<ReportNode> Nodes)
{
    /// <summary>The whole group.</summary>
    public ReportGroup Root => Nodes[0].Group;

    /// <summary>Each node's parent, as <see cref="DisclosurePlan.Decide"/> reads them.</summary>
    public IReadOnlyList<int> Parents { get; } = [.. Nodes.Select(n => n.Parent)];

    /// <summary>A tree of a group and the given disjoint groups inside it, e.g. its positions.</summary>
    public static ReportTree Flat(ReportGroup group, IEnumerable<ReportGroup> columns) =>
        new([new ReportNode(group, -1), .. columns.Select(c => new ReportNode(c, 0))]);
}

/// <summary>Builds the tree of each grouping a report page offers. Pure.</summary>
public static class ReportTrees
{
    /// <summary>
    /// The tree for <paramref name="by"/>: commune × position rolls up into positions across the province (positions, then
    /// commune × position); age bands are merged with their neighbours inside each group of the coarser levels, in every
    /// grouping with an age dimension (spec (d), privacy).
    /// </summary>
    /// <param name="survey">The survey, for the order of its age bands and its minimum cell size.</param>
    /// <param name="group">Everyone the report describes, flagged respondents included.</param>
    /// <param name="by">The grouping asked for.</param>
    public static ReportTree For(SurveyDefinition survey, ReportGroup group, GroupBy by)
    {
        var privacy = new CellPrivacy(survey.Privacy);
        var bands = ReportGroups.AgeBandOrder(survey);
        // Position before commune: a commune × position cell too small to show rolls up into its position.
        var levels = new List<Func<ReportGroup, IEnumerable<ReportGroup>>>();
        if (by.HasFlag(GroupBy.Position))
        {
            levels.Add(g => Split(g, GroupBy.Position));
        }

        if (by.HasFlag(GroupBy.Commune))
        {
            levels.Add(g => Split(g, GroupBy.Commune));
        }

        if (by.HasFlag(GroupBy.AgeBand))
        {
            levels.Add(g => ReportGroups.MergeAgeBands(g.Members, bands, privacy)
                .Select(v => new ReportGroup(g.Key with { AgeBands = v.Group.Key.AgeBands }, v.Group.Members)));
        }

        var nodes = new List<ReportNode> { new(group, -1) };
        var previous = new List<int> { 0 };
        foreach (var level in levels)
        {
            var next = new List<int>();
            foreach (var parent in previous)
            {
                foreach (var child in level(nodes[parent].Group))
                {
                    next.Add(nodes.Count);
                    nodes.Add(new ReportNode(child, parent));
                }
            }

            previous = next;
        }

        return new ReportTree(nodes);
    }

    // The group's members by one more background question, the group's own key kept for the others.
    private static IEnumerable<ReportGroup> Split(ReportGroup group, GroupBy by) =>
        ReportGroups.By(group.Members, by).Select(g => new ReportGroup(
            group.Key with
            {
                CommuneId = by == GroupBy.Commune ? g.Key.CommuneId : group.Key.CommuneId,
                RoleId = by == GroupBy.Position ? g.Key.RoleId : group.Key.RoleId,
            },
            g.Members));
}
