using System.Runtime.CompilerServices;
using BinhDanHocVuSo.Content.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Assessments.Reports;

/// <summary>Computes the numbers of a group report (spec section e.1–e.6) with the survey's privacy rules applied. Pure.</summary>
public static class SurveyReportBuilder
{
    /// <summary>Notice when some cells are hidden.</summary>
    public static string CellsHiddenNotice(PrivacyRules rules) =>
        $"Một số ô được ẩn vì có ít hơn {rules.MinCellSize} người trả lời, để bảo vệ thông tin cá nhân.";

    /// <summary>Notice when the whole group is too small.</summary>
    public static string GroupHiddenNotice(PrivacyRules rules) =>
        $"Nhóm có ít hơn {rules.MinCellSize} người trả lời nên không hiển thị kết quả, để bảo vệ thông tin cá nhân.";

    /// <summary>
    /// Builds the report of one group: flagged respondents left out unless the request includes them, and every cell hidden
    /// that is about fewer than k people or that a difference with another shown figure would reveal (see
    /// <see cref="DisclosurePlan"/>), in this report and in the same report with the flagged respondents toggled.
    /// </summary>
    public static SurveyReport Build(SurveyDefinition survey, ReportRequest request)
    {
        var privacy = new CellPrivacy(survey.Privacy);
        var include = request.IncludeFlagged;
        var everyone = request.Group.Members;
        var flagged = everyone.Where(m => m.Flags.Any).ToList();
        IReadOnlyList<RespondentScores> members = include || flagged.Count == 0 ? everyone : [.. everyone.Where(m => !m.Flags.Any)];
        var groupShown = privacy.CanShow(members.Count);
        var competences = ScoringPlan.Of(survey).Competences;
        var tree = request.Tree;
        var scope = request.Scope;
        // Cells are decided on the province's tree (the report's own when it is about everyone), then read for this report.
        var decided = scope?.Province ?? tree;
        GroupRecommendations? recommendations = null;
        var decidedSums = new (RatedSums Unflagged, RatedSums Flagged)[decided.Nodes.Count];
        DomainSums? domains = null;
        List<CalibrationSums>? calibration = null;
        FirstLevelSums? firstLevel = null;
        var calibrationGroups = request.CalibrationGroups.Count == 0 ? [request.Group] : request.CalibrationGroups;

        // Each part goes over every member, the needs giving the heat map's whole-group cells too; the parts run side by
        // side, each taken by the first core free. The flagged respondents are few: their own sums are counted apart.
        Parallel.Invoke(
            () => recommendations = GroupRecommender.Recommend(survey, members, request.Courses),
            () => Parallel.For(0, decided.Nodes.Count, i => decidedSums[i] = i == 0 && scope is null
                ? (RatedSums.Empty(competences.Count), RatedSums.Of(flagged, competences))
                : RatedSums.Split(decided.Nodes[i].Group.Members, competences)),
            () => domains = DomainSums.Of(survey, members),
            () => calibration = [.. calibrationGroups.Select(g => CalibrationSums.Of(survey, include ? g.Members : [.. g.Members.Where(m => !m.Flags.Any)]))],
            () => firstLevel = scope is null ? null : FirstLevelSums.Of(survey, scope.Province));
        var nodeSums = scope is null
            ? decidedSums
            : [(RatedSums.Empty(competences.Count), RatedSums.Of(flagged, competences)), .. scope.NodeOf.Skip(1).Select(i => decidedSums[i])];
        var rootRule = scope is null ? null : new ScopeRule(scope, firstLevel!, include, privacy.Rules.MinCellSize);
        var heatMap = HeatMap(competences, privacy, request, recommendations!.Needs, nodeSums, decidedSums, out var dropped);
        // Which competences make the list, and in which order, would tell what 1 to k − 1 flagged people changed: with so few
        // included, the list is left out like the figures about them.
        var listShown = groupShown && (!include || flagged.Count == 0 || privacy.CanShow(flagged.Count));
        var priorities = listShown ? PriorityList(privacy, include, recommendations!, nodeSums[0].Flagged, heatMap, rootRule) : [];
        var gaps = listShown ? recommendations!.ContentGaps.Select(g => g.CompetenceId).ToList() : [];
        var domainRows = DomainView(survey, privacy, include, domains!, DomainSums.Of(survey, flagged), rootRule);
        var calibrationRows = calibrationGroups.SelectMany((g, i) =>
            CalibrationRows(survey, privacy, include, g.Key, calibration![i], CalibrationSums.Of(survey, [.. g.Members.Where(m => m.Flags.Any)]), rootRule)).ToList();
        var withoutHeader = new SurveyReport(Header(survey, request, members.Count, flagged.Count, 0), heatMap, priorities, domainRows, calibrationRows, gaps);
        // A group dropped from the heat map (a cell rolled up into its parent) counts as its hidden cells.
        var hidden = withoutHeader.Cells.Count(c => c.Suppressed) + (dropped * competences.Count * 2);
        return withoutHeader with { Header = Header(survey, request, members.Count, flagged.Count, hidden) };
    }

    private static ReportHeader Header(SurveyDefinition survey, ReportRequest request, int n, int flagged, int hiddenCells)
    {
        double? rate = request.Invited > 0 ? n / (double)request.Invited : null;
        var groupSuppressed = !new CellPrivacy(survey.Privacy).CanShow(n);
        var notice = groupSuppressed ? GroupHiddenNotice(survey.Privacy) : hiddenCells > 0 ? CellsHiddenNotice(survey.Privacy) : null;
        return new ReportHeader(
            request.Group.Key, n, request.Invited, rate, rate < survey.Reporting.ResponseRateFlagBelow,
            survey.Id, survey.Version, groupSuppressed, hiddenCells, notice, flagged, request.IncludeFlagged);
    }

    /// <summary>
    /// One row per competence: the whole group, then the tree's columns (its leaves, and an inner group whose own cells
    /// are partly hidden: the roll-up), each cell shown as <see cref="DisclosurePlan"/> decides for that competence.
    /// </summary>
    /// <param name="dropped">Leaves below the first level hidden for every competence, left out of the columns.</param>
    private static List<HeatMapRow> HeatMap(
        IReadOnlyList<CompetencePlan> competences, CellPrivacy privacy, ReportRequest request, IReadOnlyList<CompetenceNeed> needs,
        (RatedSums Unflagged, RatedSums Flagged)[] sums, (RatedSums Unflagged, RatedSums Flagged)[] decidedSums, out int dropped)
    {
        var (tree, include, k) = (request.Tree, request.IncludeFlagged, privacy.Rules.MinCellSize);
        var n = tree.Nodes.Count;
        var (unflagged, flagged) = (new int[n], new int[n]);
        var visible = new bool[competences.Count][];
        for (var c = 0; c < competences.Count; c++)
        {
            for (var i = 0; i < n; i++)
            {
                flagged[i] = sums[i].Flagged.Rated[c];
                // The whole group's state figures are the needs': its unflagged count follows from them.
                unflagged[i] = i == 0 ? needs[c].Respondents - (include ? flagged[0] : 0) : sums[i].Unflagged.Rated[c];
            }

            visible[c] = request.Scope is { } scope ? InScope(scope, decidedSums, c, include, k) : DisclosurePlan.Decide(tree.Parents, unflagged, flagged, rootShown: true, k).In(include);
        }

        var depth = new int[n];
        var children = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            children[i] = [];
            if (tree.Nodes[i].Parent is var parent and >= 0)
            {
                depth[i] = depth[parent] + 1;
                children[parent].Add(i);
            }
        }

        var columns = new List<int>();
        dropped = 0;
        for (var i = 1; i < n; i++)
        {
            var node = i;
            var listed = children[i].Count == 0
                ? depth[i] == 1 || visible.Any(v => v[node])
                : visible.Any(v => v[node] && children[node].Any(child => !v[child]));
            if (listed)
            {
                columns.Add(i);
            }
            else if (children[i].Count == 0)
            {
                dropped++;
            }
        }

        var rows = new List<HeatMapRow>();
        for (var c = 0; c < competences.Count; c++)
        {
            var need = needs[c];
            var total = visible[c][0]
                ? new HeatMapCell(request.Group.Key, privacy.Mean(need.MeanLevel, need.Respondents), privacy.Percent(need.ShareBelowTarget, need.Respondents))
                : Hidden(request.Group.Key, privacy.HiddenFor(need.Respondents));
            rows.Add(new HeatMapRow(
                competences[c].CompetenceId,
                total,
                [.. columns.Select(i => HeatCell(privacy, tree.Nodes[i].Group.Key, include ? sums[i].Unflagged.Plus(sums[i].Flagged) : sums[i].Unflagged, c, visible[c][i]))]));
        }

        return rows;
    }

    /// <summary>A scoped report's cells for one competence: the province's decision for its nodes, the union rule for its group.</summary>
    private static bool[] InScope(ReportScope scope, (RatedSums Unflagged, RatedSums Flagged)[] sums, int competence, bool include, int k)
    {
        var unflagged = sums.Select(s => s.Unflagged.Rated[competence]).ToArray();
        var flagged = sums.Select(s => s.Flagged.Rated[competence]).ToArray();
        var plan = DisclosurePlan.Decide(scope.Province.Parents, unflagged, flagged, rootShown: true, k);
        var shown = plan.In(include);
        return [DisclosurePlan.Union(plan, unflagged, flagged, scope.Communes, include, k), .. scope.NodeOf.Skip(1).Select(i => shown[i])];
    }

    private static HeatMapCell HeatCell(CellPrivacy privacy, GroupKey key, RatedSums sums, int competence, bool visible)
    {
        var n = sums.Rated[competence];
        return visible && n > 0
            ? new HeatMapCell(key, privacy.Mean(sums.LevelSum[competence] / n, n), privacy.Percent(sums.Below[competence] / (double)n, n))
            : Hidden(key, privacy.HiddenFor(n));
    }

    private static HeatMapCell Hidden(GroupKey key, ReportCell hidden) => new(key, hidden, hidden);

    /// <summary>
    /// The top K with their figures: p and the number to enrol are about the members with a level (shown when the heat
    /// map's total is); P, Ḡ⁺ and the target are about the members below target, shown only when those are k or more and,
    /// beside the report with the flagged respondents toggled, their flagged part is 0 or k or more.
    /// </summary>
    private static List<PriorityRow> PriorityList(
        CellPrivacy privacy, bool include, GroupRecommendations recommendations, RatedSums flagged, List<HeatMapRow> heatMap, ScopeRule? scope)
    {
        var k = privacy.Rules.MinCellSize;
        var rows = new List<PriorityRow>();
        foreach (var r in recommendations.Priorities)
        {
            var (n, below) = (r.Need.Respondents, r.Need.BelowTarget);
            var c = heatMap.FindIndex(row => row.CompetenceId == r.Need.CompetenceId);
            var totalShown = !heatMap[c].Total.MeanLevel.Suppressed;
            var flaggedBelow = flagged.Below[c];
            var belowShown = totalShown && (scope is null
                ? DisclosurePlan.Single(below - (include ? flaggedBelow : 0), flaggedBelow, k) is var (shown, included) && (include ? included : shown)
                : scope.Shown(f => f.Rated.Below[c]));
            ReportCell AboutBelow(ReportCell cell) => belowShown ? cell : privacy.HiddenFor(below);
            ReportCell AboutRated(ReportCell cell) => totalShown ? cell : privacy.HiddenFor(n);
            rows.Add(new PriorityRow(
                r.Rank,
                r.Need.CompetenceId,
                AboutBelow(privacy.Mean(r.Need.Priority, below)),
                AboutRated(privacy.Percent(r.Need.ShareBelowTarget, n)),
                AboutBelow(privacy.Mean(r.Need.MeanGapBelowTarget, below)),
                AboutBelow(privacy.Mean(r.Need.MedianTargetBelow, below)),
                r.Course?.Slug,
                r.Course?.Minutes,
                AboutRated(privacy.Value(r.ToEnrol, n)),
                r.Need.MembersBelowTarget));
        }

        return rows;
    }

    private static List<DomainViewRow> DomainView(SurveyDefinition survey, CellPrivacy privacy, bool include, DomainSums sums, DomainSums flagged, ScopeRule? scope)
    {
        var bands = LevelScale.Of(survey).Bands;
        var k = privacy.Rules.MinCellSize;
        return
        [
            .. sums.DomainIds.Select((domainId, d) =>
            {
                var n = sums.Scored[d];
                var (shown, included) = DisclosurePlan.Single(n - (include ? flagged.Scored[d] : 0), flagged.Scored[d], k);
                if (!(include ? included : shown) || scope?.Shown(f => f.Domains.Scored[d]) == false)
                {
                    var hidden = privacy.HiddenFor(n);
                    return new DomainViewRow(domainId, [.. bands.Select(b => new BandShare(b, hidden))], hidden, hidden, hidden);
                }

                return new DomainViewRow(
                    domainId,
                    [.. bands.Select((band, b) => new BandShare(band, privacy.Percent(sums.InBand[(d * bands.Count) + b] / (double)n, n)))],
                    privacy.Mean(sums.LevelSum[d] / n, n),
                    privacy.Mean(sums.TargetSum[d] / n, n),
                    privacy.Percent(sums.Below[d] / (double)n, n));
            }),
        ];
    }

    private static IEnumerable<CalibrationRow> CalibrationRows(
        SurveyDefinition survey, CellPrivacy privacy, bool include, GroupKey group, CalibrationSums sums, CalibrationSums flagged, ScopeRule? scope)
    {
        var k = privacy.Rules.MinCellSize;
        for (var d = 0; d < sums.DomainIds.Length; d++)
        {
            var n = sums.Both[d];
            var (shown, included) = DisclosurePlan.Single(n - (include ? flagged.Both[d] : 0), flagged.Both[d], k);
            if ((include ? included : shown) && scope?.Shown(f => f.Calibration.Both[d]) != false)
            {
                yield return new CalibrationRow(
                    group,
                    sums.DomainIds[d],
                    privacy.Score(sums.SelfSum[d] / n, n),
                    privacy.Score(sums.KnowledgeSum[d] / n, n),
                    privacy.Percent(sums.Overconfident[d] / (double)n, n));
            }
            else
            {
                var hidden = privacy.HiddenFor(n);
                yield return new CalibrationRow(group, sums.DomainIds[d], hidden, hidden, hidden);
            }
        }
    }

    /// <summary>A scoped report's whole-group figures of one measure: shown when its communes are, as decided over the province.</summary>
    private sealed class ScopeRule(ReportScope scope, FirstLevelSums firstLevel, bool include, int k)
    {
        private readonly int[] _parents = [-1, .. firstLevel.Nodes.Select(_ => 0)];

        /// <summary>Whether the group's figure of the measure counted by <paramref name="countOf"/> may be shown.</summary>
        public bool Shown(Func<FirstLevelSums.Part, int> countOf)
        {
            var unflagged = new int[_parents.Length];
            var flagged = new int[_parents.Length];
            for (var i = 0; i < firstLevel.Nodes.Count; i++)
            {
                (unflagged[i + 1], flagged[i + 1]) = (countOf(firstLevel.Unflagged[i]), countOf(firstLevel.Flagged[i]));
                // Everyone is in a commune: the province is the sum of its communes.
                (unflagged[0], flagged[0]) = (unflagged[0] + unflagged[i + 1], flagged[0] + flagged[i + 1]);
            }

            var plan = DisclosurePlan.Decide(_parents, unflagged, flagged, rootShown: true, k);
            return DisclosurePlan.Union(plan, unflagged, flagged, scope.Communes.Select(node => firstLevel.Nodes.IndexOf(node) + 1), include, k);
        }
    }

    /// <summary>Per commune of the province (its tree's first level), the sums of the whole-group figures, unflagged and flagged apart.</summary>
    private sealed class FirstLevelSums
    {
        public sealed record Part(RatedSums Rated, DomainSums Domains, CalibrationSums Calibration);

        public required List<int> Nodes { get; init; }

        public required Part[] Unflagged { get; init; }

        public required Part[] Flagged { get; init; }

        public static FirstLevelSums Of(SurveyDefinition survey, ReportTree province)
        {
            var competences = ScoringPlan.Of(survey).Competences;
            var nodes = Enumerable.Range(0, province.Nodes.Count).Where(i => province.Nodes[i].Parent == 0).ToList();
            Part Sums(IReadOnlyList<RespondentScores> members) =>
                new(RatedSums.Of(members, competences), DomainSums.Of(survey, members), CalibrationSums.Of(survey, members));
            var (unflagged, flagged) = (new Part[nodes.Count], new Part[nodes.Count]);
            Parallel.For(0, nodes.Count, i =>
            {
                var members = province.Nodes[nodes[i]].Group.Members;
                unflagged[i] = Sums([.. members.Where(m => !m.Flags.Any)]);
                flagged[i] = Sums([.. members.Where(m => m.Flags.Any)]);
            });
            return new FirstLevelSums { Nodes = nodes, Unflagged = unflagged, Flagged = flagged };
        }
    }
}
