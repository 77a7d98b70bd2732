using BinhDanHocVuSo.Content.Assessments.Reports;
using BinhDanHocVuSo.Content.Assessments.Scoring;
using BinhDanHocVuSo.Content.Tests.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Reports;

/// <summary>
/// The numbers of a report (spec section e) for the worked example's group of seven, with positions as heat-map columns.
/// The arithmetic is checked on the seven counted three times (each mean and share is the same, and with 21 people, 12 of
/// them below target where the priority list is about those, no figure is rounded or hidden for size), the rounding and hiding on the seven themselves; R2 and R6 are flagged in the worked
/// example, and their flags are cleared here except where leaving flagged respondents out is the point.
/// </summary>
public class SurveyReportBuilderTests
{
    private const double Precision = 1e-6;

    private static readonly RespondentFlags NoFlags = new(false, false);

    private static readonly ReportGroup _seven = new(GroupKey.All, [.. WorkedExample.Scores.Select(s => s with { Flags = NoFlags })]);

    private static readonly ReportGroup _group = new(GroupKey.All,
        [.. _seven.Members, .. _seven.Members.Select(s => s with { RespondentId = s.RespondentId + "-b" }), .. _seven.Members.Select(s => s with { RespondentId = s.RespondentId + "-c" })]);

    private static readonly SurveyReport _report = SurveyReportBuilder.Build(WorkedExample.Survey, new ReportRequest(
        _group, Invited: 30, WorkedExample.Courses, ReportGroups.By(_group.Members, GroupBy.Position), []));

    private static readonly SurveyReport _sevenReport = SurveyReportBuilder.Build(WorkedExample.Survey, new ReportRequest(
        _seven, Invited: 10, WorkedExample.Courses, ReportGroups.By(_seven.Members, GroupBy.Position), []));

    [Fact]
    public void The_header_gives_n_over_invited_the_version_and_why_cells_are_hidden()
    {
        // 7 / 10 = 70 % ≥ 60 %. Positions have 3 leaders and 4 one-stop officers: both columns hidden for all three
        // competences, two cells each: 3 · 2 · 2 = 12; the priority list's P, Ḡ⁺ and target are about the 4 (4.2) and 4
        // (1.2) members below target: 2 · 3 = 6 more.
        _sevenReport.Header.Should().BeEquivalentTo(new ReportHeader(
            GroupKey.All, 7, 10, 0.7, false, "khao-sat-thu", 1, false, 18,
            "Một số ô được ẩn vì có ít hơn 5 người trả lời, để bảo vệ thông tin cá nhân.", Flagged: 0, FlaggedIncluded: false));
    }

    [Fact]
    public void A_response_rate_below_sixty_percent_is_flagged()
    {
        // 7 / 12 = 58.3 % < 60 %.
        var report = SurveyReportBuilder.Build(WorkedExample.Survey, new ReportRequest(_seven, 12, [], [], []));

        report.Header.ResponseRate!.Value.Should().BeApproximately(0.583333333, Precision);
        report.Header.LowResponseRate.Should().BeTrue();
    }

    [Fact]
    public void The_heat_map_shows_mean_level_and_percent_below_target()
    {
        // Mean levels from GroupRecommenderTests; % below target: 4/7 = 57.142857, 3/6 = 50.
        _report.HeatMap.Select(r => (r.CompetenceId, r.Total.MeanLevel.Value!.Value, r.Total.PercentBelowTarget.Value!.Value)).Should().BeEquivalentTo(
            [("1.2", 3.016632490, 57.142857143), ("1.3", 3.611849489, 50.0), ("4.2", 3.097440571, 57.142857143)],
            options => options.WithStrictOrdering().Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, Precision)).WhenTypeIs<double>());
    }

    [Fact]
    public void Under_ten_people_means_are_rounded_to_whole_levels_and_percentages_to_ten_points_and_small_positions_are_hidden()
    {
        // The same seven: 3.02 → 3, 3.61 → 4, 3.10 → 3; 57.1 % → 60, 50 % → 50. 3 leaders and 4 one-stop officers: hidden.
        _sevenReport.HeatMap.Select(r => (r.CompetenceId, r.Total.MeanLevel.Value, r.Total.PercentBelowTarget.Value)).Should().Equal(
            ("1.2", 3, 60), ("1.3", 4, 50), ("4.2", 3, 60));
        _sevenReport.HeatMap.SelectMany(r => r.Columns).Should().OnlyContain(c => c.MeanLevel.Note == "ẩn (ít hơn 5 người)" && c.PercentBelowTarget.Suppressed);
    }

    [Fact]
    public void Figures_about_the_members_below_target_are_hidden_when_they_are_fewer_than_five()
    {
        // 4.2: 4 of 7 below target. p and the number to enrol are about the 7; P, Ḡ⁺ and the target about the 4.
        var first = _sevenReport.Priorities[0];

        (first.CompetenceId, first.PercentBelowTarget.Value, first.ToEnrol.Value).Should().Be(("4.2", 60, 4));
        new[] { first.Priority, first.MeanGap, first.Target }.Should().OnlyContain(c => c.Reason == SuppressionReason.TooFewRespondents);
    }

    [Fact]
    public void The_priority_list_gives_P_p_mean_gap_target_course_minutes_and_number_to_enrol()
    {
        var first = _report.Priorities[0];
        var second = _report.Priorities[1];

        (first.Rank, first.CompetenceId, first.CourseSlug, first.Minutes).Should().Be((1, "4.2", "du-lieu-va-bao-mat", 60));
        first.Priority.Value!.Value.Should().BeApproximately(3.549783550, Precision);
        first.PercentBelowTarget.Value!.Value.Should().BeApproximately(57.142857143, Precision);
        first.MeanGap.Value!.Value.Should().BeApproximately(2.070707071, Precision);
        first.Target.Value.Should().Be(4);
        first.ToEnrol.Value.Should().Be(12);
        first.MembersToEnrol.Should().Equal("R2", "R3", "R4", "R6", "R2-b", "R3-b", "R4-b", "R6-b", "R2-c", "R3-c", "R4-c", "R6-c");

        (second.Rank, second.CompetenceId, second.CourseSlug, second.Minutes).Should().Be((2, "1.2", null, null));
        second.Priority.Value!.Value.Should().BeApproximately(3.113275613, Precision);
        second.MeanGap.Value!.Value.Should().BeApproximately(2.179292929, Precision);
        second.Target.Value.Should().Be(3.5);
        _report.ContentGaps.Should().Equal("1.2");
    }

    [Fact]
    public void The_domain_view_distributes_the_group_over_the_bands_against_target()
    {
        // Domain 1 L_d: R1 2.975309, R2 1.185185, R4 2.234568, R6 1.740741 (Cơ bản: 4/7 = 57.1 %), R5 4.265993 (Trung cấp:
        // 1/7 = 14.3 %), R3 5.298246, R7 5.707602 (Nâng cao: 2/7 = 28.6 %). Mean 23.407644 / 7 = 3.343949. T_d: 3.5 for all
        // but R3 (3, only 1.2 scored): (6 · 3.5 + 3) / 7 = 3.428571. Below: R1, R2, R4, R6 → 57.1 %.
        // Domain 4 L_d = L of 4.2: Chưa đạt R3, R6 (2/7), Trung cấp R1, R2, R4, R5 (4/7), Nâng cao R7 (1/7);
        // mean 3.097441; target 4; below R2, R3, R4, R6 → 57.1 %. Counted three times, every share is the same.
        var domain1 = _report.Domains.Single(d => d.DomainId == "1");
        var domain4 = _report.Domains.Single(d => d.DomainId == "4");
        double Sevenths(int count) => count * 100 / 7.0;

        domain1.Bands.Select(b => (b.Band.Name, b.Percent.Value!.Value)).Should().Equal(
            [("Chưa đạt", 0), ("Cơ bản", Sevenths(4)), ("Trung cấp", Sevenths(1)), ("Nâng cao", Sevenths(2))],
            (a, b) => a.Name == b.Item1 && Math.Abs(a.Value - b.Item2) < Precision);
        domain1.MeanLevel.Value!.Value.Should().BeApproximately(3.343949098, Precision);
        domain1.MeanTarget.Value!.Value.Should().BeApproximately(3.428571429, Precision);
        domain1.PercentBelowTarget.Value!.Value.Should().BeApproximately(Sevenths(4), Precision);
        domain4.Bands.Select(b => (b.Band.Name, b.Percent.Value!.Value)).Should().Equal(
            [("Chưa đạt", Sevenths(2)), ("Cơ bản", 0), ("Trung cấp", Sevenths(4)), ("Nâng cao", Sevenths(1))],
            (a, b) => a.Name == b.Item1 && Math.Abs(a.Value - b.Item2) < Precision);
        domain4.MeanLevel.Value!.Value.Should().BeApproximately(3.097440571, Precision);
        domain4.MeanTarget.Value.Should().Be(4);
        domain4.PercentBelowTarget.Value!.Value.Should().BeApproximately(Sevenths(4), Precision);
    }

    [Fact]
    public void Calibration_compares_self_and_knowledge_scores_per_domain_with_the_share_overconfident()
    {
        // Domain 1: SR_d sum 3.916667 / 7 = 0.559524; KC_d: R1, R3, R5, R7 correct → 4/7 = 0.571429;
        // overconfident R2, R4, R6 → 3/7 = 42.9 %. Domain 4: SR_d 3.333333 / 7 = 0.476190; KC_d (0.5 + 1 + 0 + 0.5 + 1 + 0 + 1) / 7
        // = 0.571429; overconfident R1 only → 14.3 %.
        var rows = _report.Calibration;

        rows.Select(r => r.DomainId).Should().Equal("1", "4");
        rows[0].SelfScore.Value!.Value.Should().BeApproximately(0.559523810, Precision);
        rows[0].KnowledgeScore.Value!.Value.Should().BeApproximately(0.571428571, Precision);
        rows[0].PercentOverconfident.Value!.Value.Should().BeApproximately(300 / 7.0, Precision);
        rows[1].SelfScore.Value!.Value.Should().BeApproximately(0.476190476, Precision);
        rows[1].KnowledgeScore.Value!.Value.Should().BeApproximately(0.571428571, Precision);
        rows[1].PercentOverconfident.Value!.Value.Should().BeApproximately(100 / 7.0, Precision);
    }

    [Fact]
    public void Under_ten_people_self_and_knowledge_scores_are_rounded_to_a_tenth()
    {
        // 0.559524 → 0.6, 0.571429 → 0.6, 42.9 % → 40 %; 0.476190 → 0.5, 0.571429 → 0.6, 14.3 % → 10 %.
        _sevenReport.Calibration.Select(r => (r.SelfScore.Value, r.KnowledgeScore.Value, r.PercentOverconfident.Value)).Should().Equal(
            (0.6, 0.6, 40), (0.5, 0.6, 10));
    }

    [Fact]
    public void Calibration_by_age_band_hides_the_bands_with_fewer_than_five_people()
    {
        var report = SurveyReportBuilder.Build(WorkedExample.Survey, new ReportRequest(_seven, 7, [], [], ReportGroups.By(_seven.Members, GroupBy.AgeBand)));

        report.Calibration.Should().HaveCount(8).And.OnlyContain(r => r.SelfScore.Suppressed && r.KnowledgeScore.Suppressed && r.PercentOverconfident.Suppressed);
    }

    [Fact]
    public void A_group_of_fewer_than_five_shows_no_result_at_all()
    {
        var small = new ReportGroup(new GroupKey(null, "leadership", null), [.. _seven.Members.Where(s => s.Background.RoleId == "leadership")]);

        var report = SurveyReportBuilder.Build(WorkedExample.Survey, new ReportRequest(small, 3, WorkedExample.Courses, [], []));

        report.Header.GroupSuppressed.Should().BeTrue();
        report.Header.Notice.Should().Be("Nhóm có ít hơn 5 người trả lời nên không hiển thị kết quả, để bảo vệ thông tin cá nhân.");
        report.Priorities.Should().BeEmpty();
        report.ContentGaps.Should().BeEmpty();
        report.Cells.Should().NotBeEmpty().And.OnlyContain(c => c.Suppressed && c.Value == null);
    }

    [Fact]
    public void A_single_small_column_of_the_heat_map_takes_the_smallest_shown_column_with_it()
    {
        // leadership 5, office 2 (hidden), one-stop 6: the total of 13 is shown, so leadership is hidden too.
        var members = Population.Of(5, role: "leadership").Concat(Population.Of(2, role: "office")).Concat(Population.Of(6)).ToList();
        var group = new ReportGroup(GroupKey.All, members);

        var report = SurveyReportBuilder.Build(WorkedExample.Survey, new ReportRequest(group, 13, [], ReportGroups.By(members, GroupBy.Position), []));

        foreach (var row in report.HeatMap)
        {
            row.Total.MeanLevel.Suppressed.Should().BeFalse();
            row.Columns.Select(c => (c.Group.RoleId, c.MeanLevel.Reason, c.PercentBelowTarget.Reason)).Should().Equal(
                ("leadership", SuppressionReason.Complementary, SuppressionReason.Complementary),
                ("office", SuppressionReason.TooFewRespondents, SuppressionReason.TooFewRespondents),
                ("one-stop", SuppressionReason.None, SuppressionReason.None));
        }
    }

    [Fact]
    public void Flagged_respondents_are_left_out_by_default_and_counted_in_the_header()
    {
        // The worked example's own flags: R2 answered too fast, R6 failed the attention check. Left out, the group is the
        // other five; included, the report would differ from the default one by those two people only, so its whole-group
        // figures are hidden (the toggle must not reveal two people by subtraction).
        var group = new ReportGroup(GroupKey.All, WorkedExample.Scores);
        var without = SurveyReportBuilder.Build(WorkedExample.Survey, new ReportRequest(group, 7, [], [], []));
        var with = SurveyReportBuilder.Build(WorkedExample.Survey, new ReportRequest(ReportTree.Flat(group, []), 7, [], [], IncludeFlagged: true));

        (without.Header.Respondents, without.Header.Flagged, without.Header.FlaggedIncluded).Should().Be((5, 2, false));
        without.HeatMap.Single(r => r.CompetenceId == "4.2").Total.MeanLevel.Value.Should().Be(4, "R1 4.54, R3 0.44, R4 3.32, R5 4.13, R7 5.30: 17.73 / 5 = 3.55 → 4");
        (with.Header.Respondents, with.Header.Flagged, with.Header.FlaggedIncluded).Should().Be((7, 2, true));
        with.HeatMap.Should().OnlyContain(r => r.Total.MeanLevel.Reason == SuppressionReason.Complementary);
        with.Domains.Should().OnlyContain(d => d.MeanLevel.Suppressed);
        with.Priorities.Should().BeEmpty("which competences the two change would be about those two");
        with.ContentGaps.Should().BeEmpty();
    }
}
