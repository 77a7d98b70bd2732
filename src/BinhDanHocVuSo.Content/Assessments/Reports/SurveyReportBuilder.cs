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
        var recommendations = GroupRecommender.Recommend(survey, members, request.Courses);
        var heatMap = HeatMap(survey, privacy, request);
        var priorities = groupShown ? PriorityList(privacy, recommendations) : [];
        var domains = DomainView(survey, privacy, members);
        var calibrationGroups = request.CalibrationGroups.Count == 0 ? [request.Group] : request.CalibrationGroups;
        var calibration = calibrationGroups.SelectMany(g => Calibration(survey, privacy, g)).ToList();
        var gaps = groupShown ? recommendations.ContentGaps.Select(g => g.CompetenceId).ToList() : [];
        var withoutHeader = new SurveyReport(Header(survey, request, 0), heatMap, priorities, domains, calibration, gaps);
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
    private static List<HeatMapRow> HeatMap(SurveyDefinition survey, CellPrivacy privacy, ReportRequest request)
    {
        var rows = new List<HeatMapRow>();
        foreach (var (competence, index) in ScoringPlan.Of(survey).Competences.Select((c, i) => (c.CompetenceId, i)))
        {
            var total = Rated(request.Group.Members, index, competence);
            var totalCell = privacy.Value(null, total.Count);
            var columns = request.HeatMapColumns.Select(g => Rated(g.Members, index, competence)).ToList();
            var visibility = privacy.SuppressComplement(!totalCell.Suppressed, [.. columns.Select(c => (privacy.Value(null, c.Count), c.Count))]);
            rows.Add(new HeatMapRow(
                competence,
                HeatCell(privacy, request.Group.Key, total, totalCell),
                [.. request.HeatMapColumns.Select((g, i) => HeatCell(privacy, g.Key, columns[i], visibility[i]))]));
        }

        return rows;
    }

    private static List<CompetenceScore> Rated(IEnumerable<RespondentScores> members, int index, string competenceId) =>
        [.. members.Select(m => m.Competence(index, competenceId)).Where(s => s.Level is not null && s.Target is not null)];

    private static HeatMapCell HeatCell(CellPrivacy privacy, GroupKey key, List<CompetenceScore> rated, ReportCell visibility) =>
        visibility.Suppressed
            ? new HeatMapCell(key, visibility, visibility)
            : new HeatMapCell(
                key,
                privacy.Value(rated.Average(s => s.Level!.Value), rated.Count),
                privacy.Percent(rated.Count(s => s.BelowTarget) / (double)rated.Count, rated.Count));

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

    private static List<DomainViewRow> DomainView(SurveyDefinition survey, CellPrivacy privacy, IReadOnlyList<RespondentScores> members)
    {
        var scale = LevelScale.Of(survey);
        return
        [
            .. ScoringPlan.Of(survey).DomainIds.Select((domainId, index) =>
            {
                var scored = members.Select(m => m.Domain(index, domainId)).Where(d => d.Level is not null && d.Target is not null).ToList();
                var n = scored.Count;
                if (!privacy.CanShow(n))
                {
                    var hidden = privacy.Hidden(SuppressionReason.TooFewRespondents);
                    return new DomainViewRow(domainId, [.. scale.Bands.Select(b => new BandShare(b, hidden))], hidden, hidden, hidden);
                }

                return new DomainViewRow(
                    domainId,
                    [.. scale.Bands.Select(b => new BandShare(b, privacy.Percent(scored.Count(d => d.Band == b) / (double)n, n)))],
                    privacy.Value(scored.Average(d => d.Level!.Value), n),
                    privacy.Value(scored.Average(d => d.Target!.Value), n),
                    privacy.Percent(scored.Count(d => d.BelowTarget) / (double)n, n));
            }),
        ];
    }

    private static IEnumerable<CalibrationRow> Calibration(SurveyDefinition survey, CellPrivacy privacy, ReportGroup group)
    {
        var plan = ScoringPlan.Of(survey);
        var domainsWithKnowledge = plan.KnowledgeItems.Select(k => ScoringPlan.DomainOf(survey, k)).ToHashSet(StringComparer.Ordinal);
        foreach (var (domainId, index) in plan.DomainIds.Select((d, i) => (d, i)).Where(x => domainsWithKnowledge.Contains(x.d)))
        {
            var both = group.Members.Select(m => m.Domain(index, domainId)).Where(d => d.SelfScore is not null && d.KnowledgeScore is not null).ToList();
            var n = both.Count;

            yield return privacy.CanShow(n)
                ? new CalibrationRow(
                    group.Key,
                    domainId,
                    privacy.Value(both.Average(d => d.SelfScore!.Value), n),
                    privacy.Value(both.Average(d => d.KnowledgeScore!.Value), n),
                    privacy.Percent(both.Count(d => d.Overconfident) / (double)n, n))
                : new CalibrationRow(group.Key, domainId, Hidden(privacy), Hidden(privacy), Hidden(privacy));
        }
    }

    private static ReportCell Hidden(CellPrivacy privacy) => privacy.Hidden(SuppressionReason.TooFewRespondents);
}
