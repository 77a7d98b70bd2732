using BinhDanHocVuSo.Content.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Scoring;

/// <summary>Group recommendations (spec section d) on the worked example: a mixed group of one-stop officers and leaders.</summary>
public class GroupRecommenderTests
{
    private const double Precision = 1e-6;

    private static readonly GroupRecommendations _worked = GroupRecommender.Recommend(WorkedExample.Survey, WorkedExample.Scores, WorkedExample.Courses);

    [Fact]
    public void The_need_for_1_2_compares_each_member_with_the_target_of_their_own_role()
    {
        // Levels (RespondentScorerTests): R1 4.535354, R2 0.444444, R3 5.298246, R4 0.888889 (one-stop, T = 3, w = 2);
        // R5 3.727273, R6 0.222222, R7 6 (leadership, T = 4 by override, w = 3). n = 7.
        // Below: R2 (gap 2.555556), R4 (2.111111), R5 (0.272727), R6 (3.777778); R5 is below only because leaders aim at 4.
        // p = 4/7 = 0.571429; Ḡ⁺ = 8.717172 / 4 = 2.179293; w̄ = (2 + 2 + 3 + 3) / 4 = 2.5; P = 2.5 · 0.571429 · 2.179293 = 3.113276.
        // Mean L = 21.116427 / 7 = 3.016632. Median T of below = (3 + 4) / 2 = 3.5; median L of below = (0.444444 + 0.888889) / 2 = 0.666667.
        var need = Need("1.2");

        need.Respondents.Should().Be(7);
        need.BelowTarget.Should().Be(4);
        need.ShareBelowTarget.Should().BeApproximately(0.571428571, Precision);
        need.MeanGapBelowTarget.Should().BeApproximately(2.179292929, Precision);
        need.MeanWeightBelowTarget.Should().BeApproximately(2.5, Precision);
        need.Priority.Should().BeApproximately(3.113275613, Precision);
        need.MeanLevel!.Value.Should().BeApproximately(3.016632490, Precision);
        need.MedianTargetBelow.Should().Be(3.5);
        need.MedianLevelBelow!.Value.Should().BeApproximately(0.666666667, Precision);
        need.MembersBelowTarget.Should().Equal("R2", "R4", "R5", "R6");
    }

    [Fact]
    public void The_need_for_1_3_leaves_out_the_member_without_a_level()
    {
        // R3 has no level for 1.3, so n = 6. Levels: R1 0.740741, R2 3.121212, R4 3.457912 (one-stop, T = 4 override, w = 3);
        // R5 4.804714, R6 4.131313, R7 5.415205 (leadership, T = 3). Below: R1 (3.259259), R2 (0.878788), R4 (0.542088).
        // p = 3/6 = 0.5; Ḡ⁺ = 4.680135 / 3 = 1.560045; w̄ = 3; P = 3 · 0.5 · 1.560045 = 2.340067.
        // Mean L = 21.671097 / 6 = 3.611849; median T below = 4; median L below = 3.121212.
        var need = Need("1.3");

        need.Respondents.Should().Be(6);
        need.BelowTarget.Should().Be(3);
        need.ShareBelowTarget.Should().BeApproximately(0.5, Precision);
        need.MeanGapBelowTarget.Should().BeApproximately(1.560044893, Precision);
        need.MeanWeightBelowTarget.Should().BeApproximately(3, Precision);
        need.Priority.Should().BeApproximately(2.340067340, Precision);
        need.MeanLevel!.Value.Should().BeApproximately(3.611849489, Precision);
        need.MedianTargetBelow.Should().Be(4);
        need.MedianLevelBelow!.Value.Should().BeApproximately(3.121212121, Precision);
    }

    [Fact]
    public void The_need_for_4_2_uses_the_role_override_weight_of_both_roles()
    {
        // Everyone aims at 4 (override for both roles, w = 3). Levels: R1 4.535354, R2 3.727273, R3 0.444444, R4 3.323232,
        // R5 4.131313, R6 0.222222, R7 5.298246. Below: R2 (0.272727), R3 (3.555556), R4 (0.676768), R6 (3.777778).
        // p = 4/7; Ḡ⁺ = 8.282828 / 4 = 2.070707; P = 3 · 0.571429 · 2.070707 = 3.549784; mean L = 21.682084 / 7 = 3.097441;
        // median T below = 4; median L below = (0.444444 + 3.323232) / 2 = 1.883838.
        var need = Need("4.2");

        need.Respondents.Should().Be(7);
        need.ShareBelowTarget.Should().BeApproximately(0.571428571, Precision);
        need.MeanGapBelowTarget.Should().BeApproximately(2.070707071, Precision);
        need.MeanWeightBelowTarget.Should().BeApproximately(3, Precision);
        need.Priority.Should().BeApproximately(3.549783550, Precision);
        need.MeanLevel!.Value.Should().BeApproximately(3.097440571, Precision);
        need.MedianTargetBelow.Should().Be(4);
        need.MedianLevelBelow!.Value.Should().BeApproximately(1.883838384, Precision);
        need.MembersBelowTarget.Should().Equal("R2", "R3", "R4", "R6");
    }

    [Fact]
    public void The_medians_below_target_count_every_member_of_a_large_group_with_many_different_levels()
    {
        // 99 copies of R2 (one-stop, T = 3 for 1.2) whose levels for 1.2 are 0.02, 0.04, …, 1.98, given in a shuffled
        // order: all are below target, so the median level below is the 50th smallest, 1.00, and the median target is 3.
        var template = WorkedExample.Score("R2");
        var order = Enumerable.Range(1, 99).OrderBy(i => (i * 37) % 101).ToList();
        var members = order.Select(i => template with
        {
            RespondentId = $"M{i}",
            Competences = [.. template.Competences.Select(c => c.CompetenceId == "1.2" ? c with { Level = i * 0.02, Gap = 3 - (i * 0.02) } : c)],
        }).ToList();

        var need = GroupNeeds.Compute(WorkedExample.Survey, members).Single(n => n.CompetenceId == "1.2");

        need.BelowTarget.Should().Be(99);
        need.MedianLevelBelow!.Value.Should().BeApproximately(1.0, Precision);
        need.MedianTargetBelow.Should().Be(3);
    }

    [Fact]
    public void The_priority_list_holds_the_top_K_of_the_survey_by_priority()
    {
        // All three reach p ≥ 0.20 and Ḡ⁺ ≥ 0.5; P: 4.2 3.549784 > 1.2 3.113276 > 1.3 2.340067; the test survey's K is 2.
        _worked.Priorities.Select(p => (p.Rank, p.Need.CompetenceId)).Should().Equal((1, "4.2"), (2, "1.2"));
    }

    [Fact]
    public void The_course_covering_another_recommended_competence_wins_over_a_shorter_one()
    {
        // 4.2: median target 4, ⌊median L 1.883838⌋ + 1 = 2. an-toan-du-lieu (0 → 4, 50 min) and du-lieu-va-bao-mat (2 → 4, 60 min)
        // fit; bao-mat-nang-cao starts at 3 > 2. du-lieu-va-bao-mat also covers 1.2, the other recommendation.
        var first = _worked.Priorities[0];

        first.Course!.Slug.Should().Be("du-lieu-va-bao-mat");
        first.ToEnrol.Should().Be(4);
    }

    [Fact]
    public void A_mixed_group_whose_median_target_no_course_reaches_is_a_content_gap()
    {
        // 1.2: median target of R2, R4 (3) and R5, R6 (4) is 3.5, so thong-tin-co-ban (exit 3) does not reach it; the other
        // 1.2 courses start at 2 and 3 > ⌊0.666667⌋ + 1 = 1. Four members would be enrolled.
        var second = _worked.Priorities[1];

        second.Course.Should().BeNull();
        second.ToEnrol.Should().Be(4);
        _worked.ContentGaps.Select(g => g.CompetenceId).Should().Equal("1.2");
        GroupRecommender.ContentGapTitle.Should().Be("Thiếu học liệu");
    }

    [Fact]
    public void The_same_competence_for_one_stop_officers_alone_has_a_course()
    {
        // One-stop members only (R1–R4): below target 3 are R2 and R4, median target 3, median L (0.444444 + 0.888889) / 2.
        var oneStop = WorkedExample.Scores.Where(s => s.Background.RoleId == "one-stop").ToList();
        var need = GroupNeeds.Compute(WorkedExample.Survey, oneStop).Single(n => n.CompetenceId == "1.2");

        need.MedianTargetBelow.Should().Be(3);
        GroupRecommender.IsCandidate(WorkedExample.Courses.Single(c => c.Slug == "thong-tin-co-ban"), need).Should().BeTrue();
    }

    [Fact]
    public void Competences_tied_on_every_figure_follow_the_domain_order_of_the_survey_before_their_ids()
    {
        // Five leaders rate 1.2 and 4.2 alike (1, 1, 0 → SR 2/9) and miss every knowledge question (KC 0):
        // S = 0.6 · 0.222222 = 0.133333, L = 0.444444, T = 4, gap 3.555556, w = 3 for both → identical P = 3 · 1 · 3.555556.
        // 1.3 rated 3, 3, 3 (L = 6 ≥ 3) is not needed. Domain order (0, 4, 1, …) puts 4.2 before 1.2 although "1.2" &lt; "4.2".
        var leaders = Enumerable.Range(1, 5)
            .Select(i => WorkedExample.Respondent($"L{i}", "leadership", "xa-a", "40-49", [1, 1, 0], "a", [3, 3, 3], [1, 1, 0], "b", "b", check: 2))
            .Select(a => RespondentScorer.Score(WorkedExample.Survey, a))
            .ToList();

        var result = GroupRecommender.Recommend(WorkedExample.Survey, leaders, []);

        result.Priorities.Select(p => p.Need.CompetenceId).Should().Equal("4.2", "1.2");
        result.Priorities[0].Need.Priority.Should().BeApproximately(10.666666667, Precision);
        result.Priorities[1].Need.Priority.Should().BeApproximately(10.666666667, Precision);
        result.ContentGaps.Should().HaveCount(2, "no course was offered");
    }

    [Fact]
    public void Ties_on_priority_are_broken_by_share_then_mean_gap_then_domain_order_then_id()
    {
        // Every need has P = w̄ · p · Ḡ⁺ = 1.
        var needs = new[]
        {
            Need("1.1", "1", w: 2, p: 0.25, gap: 2),   // P 1, p 0.25
            Need("2.1", "2", w: 2, p: 0.5, gap: 1),    // P 1, p 0.5, Ḡ⁺ 1
            Need("4.3", "4", w: 1, p: 0.5, gap: 2),    // P 1, p 0.5, Ḡ⁺ 2, domain 4, id 4.3
            Need("1.2", "1", w: 1, p: 0.5, gap: 2),    // same, domain 1 (after 4 in the order)
            Need("4.1", "4", w: 1, p: 0.5, gap: 2),    // same as 4.3, lower id
        };

        needs.Order(new PriorityOrder(TestSurvey.DomainOrder)).Select(n => n.CompetenceId)
            .Should().Equal("4.1", "4.3", "1.2", "2.1", "1.1");
    }

    [Theory]
    [InlineData(0.20, 0.5, true)]
    [InlineData(0.19, 3.0, false)]
    [InlineData(0.90, 0.49, false)]
    public void A_competence_is_recommended_only_when_both_the_share_and_the_mean_gap_reach_the_thresholds(double p, double gap, bool expected)
    {
        Need("4.2", "4", w: 3, p, gap).MeetsThresholds(WorkedExample.Survey.Recommendations).Should().Be(expected);
    }

    [Fact]
    public void Among_equally_covering_courses_the_shorter_wins_then_the_first_slug()
    {
        var need = Need("4.2", "4", w: 3, p: 1, gap: 2) with { MedianTargetBelow = 3, MedianLevelBelow = 1 };
        CourseOffer[] courses =
        [
            new("c-dai", ["4.2"], 0, 3, 45),
            new("b-ngan", ["4.2"], 0, 3, 30),
            new("a-ngan", ["4.2"], 0, 3, 30),
        ];

        GroupRecommender.ChooseCourse(need, ["4.2"], courses)!.Slug.Should().Be("a-ngan");
    }

    private static CompetenceNeed Need(string id) => _worked.Needs.Single(n => n.CompetenceId == id);

    private static CompetenceNeed Need(string id, string domain, double w, double p, double gap) =>
        new(id, domain, 10, (int)(p * 10), p, gap, w, 2, 3, 1, []);
}
