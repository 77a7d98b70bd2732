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
    /// The grouping a request stands for: every page shows one level of a single hierarchy, commune, then position inside
    /// the commune, then age inside the position; a finer dimension brings the coarser ones with it (position alone is
    /// commune × position). One hierarchy for every page, scope and toggle is what makes the differencing rule of
    /// <see cref="DisclosurePlan"/> hold between pages: two crossing groupings (communes beside positions across the
    /// province) can give away a small cell that neither shows.
    /// </summary>
    public static GroupBy Normalize(GroupBy by) =>
        by.HasFlag(GroupBy.AgeBand) ? GroupBy.Commune | GroupBy.Position | GroupBy.AgeBand
        : by.HasFlag(GroupBy.Position) ? GroupBy.Commune | GroupBy.Position
        : by & GroupBy.Commune;

    /// <summary>How many levels below the root the grouping's tree has.</summary>
    public static int Depth(GroupBy by) => Normalize(by) switch
    {
        GroupBy.None => 0,
        GroupBy.Commune => 1,
        GroupBy.Commune | GroupBy.Position => 2,
        _ => 3,
    };

    /// <summary>
    /// The tree for <paramref name="by"/> (see <see cref="Normalize"/>): communes, positions inside each commune, then age
    /// bands merged with their neighbours inside each commune × position (spec (d), privacy). A cell too small to show
    /// rolls up into the group it lies in.
    /// </summary>
    /// <param name="survey">The survey, for the order of its age bands and its minimum cell size.</param>
    /// <param name="group">Everyone the report describes, flagged respondents included.</param>
    /// <param name="by">The grouping asked for.</param>
    public static ReportTree For(SurveyDefinition survey, ReportGroup group, GroupBy by)
    {
        var privacy = new CellPrivacy(survey.Privacy);
        var bands = ReportGroups.AgeBandOrder(survey);
        var levels = new List<Func<ReportGroup, IEnumerable<ReportGroup>>>
        {
            g => Split(g, GroupBy.Commune),
            g => Split(g, GroupBy.Position),
            g => ReportGroups.MergeAgeBands(g.Members, bands, privacy)
                .Select(v => new ReportGroup(g.Key with { AgeBands = v.Group.Key.AgeBands }, v.Group.Members)),
        };

        var nodes = new List<ReportNode> { new(group, -1) };
        var previous = new List<int> { 0 };
        foreach (var level in levels.Take(Depth(by)))
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
