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

    /// <summary>Builds the report of one group.</summary>
    public static SurveyReport Build(SurveyDefinition survey, ReportRequest request)
    {
        var privacy = new CellPrivacy(survey.Privacy);
        var members = request.Group.Members;
        var groupShown = privacy.CanShow(members.Count);
        var competences = ScoringPlan.Of(survey).Competences;
        GroupRecommendations? recommendations = null;
        List<RatedSums>? columns = null;
        List<DomainViewRow>? domains = null;
        List<CalibrationRow>? calibration = null;
        var calibrationGroups = request.CalibrationGroups.Count == 0 ? [request.Group] : request.CalibrationGroups;

        // Each part goes over every member, the needs giving the heat map's whole-group cells too; the parts run side by
        // side, each taken by the first core free.
        Parallel.Invoke(
            () => recommendations = GroupRecommender.Recommend(survey, members, request.Courses),
            () => columns = [.. request.HeatMapColumns.Select(g => RatedSums.Of(g.Members, competences))],
            () => domains = DomainView(survey, privacy, members),
            () => calibration = [.. calibrationGroups.SelectMany(g => Calibration(survey, privacy, g))]);
        var heatMap = HeatMap(competences, privacy, request, RatedSums.From(recommendations!.Needs), columns!);
        var priorities = groupShown ? PriorityList(privacy, recommendations!) : [];
        var gaps = groupShown ? recommendations!.ContentGaps.Select(g => g.CompetenceId).ToList() : [];
        var withoutHeader = new SurveyReport(Header(survey, request, 0), heatMap, priorities, domains!, calibration!, gaps);
        var hidden = withoutHeader.Cells.Count(c => c.Suppressed);
        return withoutHeader with { Header = Header(survey, request, hidden) };
    }

    private static ReportHeader Header(SurveyDefinition survey, ReportRequest request, int hiddenCells)
    {
        var n = request.Group.Members.Count;
        double? rate = request.Invited > 0 ? n / (double)request.Invited : null;
        var groupSuppressed = !new CellPrivacy(survey.Privacy).CanShow(n);
        var notice = groupSuppressed ? GroupHiddenNotice(survey.Privacy) : hiddenCells > 0 ? CellsHiddenNotice(survey.Privacy) : null;
        return new ReportHeader(
            request.Group.Key, n, request.Invited, rate, rate < survey.Reporting.ResponseRateFlagBelow,
            survey.Id, survey.Version, groupSuppressed, hiddenCells, notice);
    }

    /// <summary>
    /// One row per competence: the whole group, then its sub-groups; a sub-group cell is hidden when fewer than k members
    /// have a level, and complementary suppression protects a single hidden sub-group from subtraction.
    /// </summary>
    private static List<HeatMapRow> HeatMap(
        IReadOnlyList<CompetencePlan> competences, CellPrivacy privacy, ReportRequest request, RatedSums total, List<RatedSums> columns)
    {
        var rows = new List<HeatMapRow>();
        for (var c = 0; c < competences.Count; c++)
        {
            var totalCell = privacy.Value(null, total.Rated[c]);
            var visibility = privacy.SuppressComplement(!totalCell.Suppressed, [.. columns.Select(column => (privacy.Value(null, column.Rated[c]), column.Rated[c]))]);
            rows.Add(new HeatMapRow(
                competences[c].CompetenceId,
                HeatCell(privacy, request.Group.Key, total, c, totalCell),
                [.. request.HeatMapColumns.Select((g, i) => HeatCell(privacy, g.Key, columns[i], c, visibility[i]))]));
        }

        return rows;
    }

    private static HeatMapCell HeatCell(CellPrivacy privacy, GroupKey key, RatedSums sums, int competence, ReportCell visibility)
    {
        var n = sums.Rated[competence];
        return visibility.Suppressed
            ? new HeatMapCell(key, visibility, visibility)
            : new HeatMapCell(key, privacy.Value(sums.MeanLevel[competence], n), privacy.Percent(sums.ShareBelowTarget[competence], n));
    }

    private static List<PriorityRow> PriorityList(CellPrivacy privacy, GroupRecommendations recommendations) =>
    [
        .. recommendations.Priorities.Select(r =>
        {
            var n = r.Need.Respondents;
            return new PriorityRow(
                r.Rank,
                r.Need.CompetenceId,
                privacy.Value(r.Need.Priority, n),
                privacy.Percent(r.Need.ShareBelowTarget, n),
                privacy.Value(r.Need.MeanGapBelowTarget, n),
                privacy.Value(r.Need.MedianTargetBelow, n),
                r.Course?.Slug,
                r.Course?.Minutes,
                privacy.Value(r.ToEnrol, n),
                r.Need.MembersBelowTarget);
        }),
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // One pass over every member of a report: no slow first tier.
    private static List<DomainViewRow> DomainView(SurveyDefinition survey, CellPrivacy privacy, IReadOnlyList<RespondentScores> members)
    {
        var scale = LevelScale.Of(survey);
        var domainIds = ScoringPlan.Of(survey).DomainIds;
        var (ids, bands) = (domainIds.ToArray(), scale.Bands.ToArray());
        var scored = new int[ids.Length];
        var inBand = new int[ids.Length * bands.Length];
        var (levelSum, targetSum, below) = (new double[ids.Length], new double[ids.Length], new int[ids.Length]);
        // One pass over the members for all domains, sums in member order (see RatedSums).
        foreach (var member in members)
        {
            for (var d = 0; d < ids.Length; d++)
            {
                var domain = member.Domain(d, ids[d]);
                if (domain.Level is not { } level || domain.Target is not { } target)
                {
                    continue;
                }

                scored[d]++;
                levelSum[d] += level;
                targetSum[d] += target;
                below[d] += level < target - LevelScale.Tolerance ? 1 : 0;
                // The scale's own band objects, compared by reference first: comparing records field by field cost more than the rest of the pass.
                for (var b = 0; b < bands.Length; b++)
                {
                    if (ReferenceEquals(domain.Band, bands[b]) || domain.Band == bands[b])
                    {
                        inBand[(d * bands.Length) + b]++;
                        break;
                    }
                }
            }
        }

        return
        [
            .. domainIds.Select((domainId, d) =>
            {
                var n = scored[d];
                if (!privacy.CanShow(n))
                {
                    var hidden = privacy.Hidden(SuppressionReason.TooFewRespondents);
                    return new DomainViewRow(domainId, [.. scale.Bands.Select(b => new BandShare(b, hidden))], hidden, hidden, hidden);
                }

                return new DomainViewRow(
                    domainId,
                    [.. scale.Bands.Select((band, b) => new BandShare(band, privacy.Percent(inBand[(d * bands.Length) + b] / (double)n, n)))],
                    privacy.Value(levelSum[d] / n, n),
                    privacy.Value(targetSum[d] / n, n),
                    privacy.Percent(below[d] / (double)n, n));
            }),
        ];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // One pass over every member of a report: no slow first tier.
    private static List<CalibrationRow> Calibration(SurveyDefinition survey, CellPrivacy privacy, ReportGroup group)
    {
        var plan = ScoringPlan.Of(survey);
        var domainsWithKnowledge = plan.KnowledgeItems.Select(k => ScoringPlan.DomainOf(survey, k)).ToHashSet(StringComparer.Ordinal);
        var domains = plan.DomainIds.Select((id, index) => (id, index)).Where(x => domainsWithKnowledge.Contains(x.id)).ToList();
        var both = new int[domains.Count];
        var (selfSum, knowledgeSum, overconfident) = (new double[domains.Count], new double[domains.Count], new int[domains.Count]);
        // One pass over the members for all domains, sums in member order (see RatedSums).
        var (indexes, ids) = (domains.Select(d => d.index).ToArray(), domains.Select(d => d.id).ToArray());
        foreach (var member in group.Members)
        {
            for (var d = 0; d < ids.Length; d++)
            {
                var domain = member.Domain(indexes[d], ids[d]);
                if (domain.SelfScore is not { } self || domain.KnowledgeScore is not { } knowledge)
                {
                    continue;
                }

                both[d]++;
                selfSum[d] += self;
                knowledgeSum[d] += knowledge;
                overconfident[d] += domain.Overconfident ? 1 : 0;
            }
        }

        var rows = new List<CalibrationRow>(domains.Count);
        for (var d = 0; d < domains.Count; d++)
        {
            var n = both[d];
            rows.Add(privacy.CanShow(n)
                ? new CalibrationRow(
                    group.Key,
                    domains[d].id,
                    privacy.Value(selfSum[d] / n, n),
                    privacy.Value(knowledgeSum[d] / n, n),
                    privacy.Percent(overconfident[d] / (double)n, n))
                : new CalibrationRow(group.Key, domains[d].id, Hidden(privacy), Hidden(privacy), Hidden(privacy)));
        }

        return rows;
    }

    private static ReportCell Hidden(CellPrivacy privacy) => privacy.Hidden(SuppressionReason.TooFewRespondents);

    /// <summary>
    /// Per competence, the members of a group with a level and a target: how many, their mean level (summed in member
    /// order, as LINQ's Average adds) and the share below target. Counted in one pass over the members: a province's
    /// members do not fit in the processor's caches, and a pass per competence read each of them many times.
    /// </summary>
    private sealed class RatedSums
    {
        private RatedSums(int competences)
        {
            Rated = new int[competences];
            MeanLevel = new double[competences];
            ShareBelowTarget = new double[competences];
        }

        public int[] Rated { get; }

        /// <summary>The mean level; 0 where no one is rated.</summary>
        public double[] MeanLevel { get; }

        /// <summary>The share below target; 0 where no one is rated.</summary>
        public double[] ShareBelowTarget { get; }

        /// <summary>The same figures from the group's needs, which count the same members the same way.</summary>
        public static RatedSums From(IReadOnlyList<CompetenceNeed> needs)
        {
            var sums = new RatedSums(needs.Count);
            for (var c = 0; c < needs.Count; c++)
            {
                (sums.Rated[c], sums.MeanLevel[c], sums.ShareBelowTarget[c]) = (needs[c].Respondents, needs[c].MeanLevel ?? 0, needs[c].ShareBelowTarget);
            }

            return sums;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // One pass over every member of a report: no slow first tier.
        public static RatedSums Of(IReadOnlyList<RespondentScores> members, IReadOnlyList<CompetencePlan> competences)
        {
            var sums = new RatedSums(competences.Count);
            var (ids, rated) = (competences.Select(c => c.CompetenceId).ToArray(), sums.Rated);
            var (levelSum, belowTarget) = (new double[ids.Length], new int[ids.Length]);
            foreach (var member in members)
            {
                for (var c = 0; c < ids.Length; c++)
                {
                    var score = member.Competence(c, ids[c]);
                    if (score.Level is not { } level || score.Target is not { } target)
                    {
                        continue;
                    }

                    rated[c]++;
                    levelSum[c] += level;
                    belowTarget[c] += level < target - LevelScale.Tolerance ? 1 : 0;
                }
            }

            for (var c = 0; c < ids.Length; c++)
            {
                var n = rated[c];
                (sums.MeanLevel[c], sums.ShareBelowTarget[c]) = n == 0 ? (0, 0) : (levelSum[c] / n, belowTarget[c] / (double)n);
            }

            return sums;
        }
    }
}
