using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Assessments.Reports;
using BinhDanHocVuSo.Content.Assessments.Scoring;
using BinhDanHocVuSo.Content.Tests.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Reports;

/// <summary>
/// The admin quality panel on the worked example. Expected values computed independently with the same standard-library
/// Python script as <see cref="ReliabilityTests"/> from the answer table of <see cref="WorkedExample"/>: domain 4 statements
/// (all 7 complete) [3,3,2] [2,1,0] [1,1,0] [2,2,1] [2,1,1] [1,0,0] [3,2,2]; domain 1 complete rows only (R2 and R3 skipped
/// statements) R1 [2,2,1,1,1,0] R4 [2,1,1,2,2,1] R5 [2,1,0,3,2,2] R6 [1,0,0,2,2,2] R7 [3,3,3,3,3,2]; knowledge right/wrong
/// (kn-1-2, kn-4-2-a, kn-4-2-b) [1,1,0] [0,1,1] [1,0,0] [0,1,0] [1,1,1] [0,0,0] [1,1,1].
/// </summary>
public class QualityPanelTests
{
    private const double Precision = 1e-9;

    private static readonly QualityPanel _panel = QualityPanelBuilder.Build(WorkedExample.Survey, WorkedExample.Answers);

    [Fact]
    public void Cronbach_alpha_per_domain_uses_complete_answers_and_gets_a_verdict()
    {
        var domain1 = _panel.Domains.Single(d => d.DomainId == "1");
        var domain4 = _panel.Domains.Single(d => d.DomainId == "4");

        domain1.Respondents.Should().Be(5);
        domain1.Alpha!.Value.Should().BeApproximately(0.8258823529411764, Precision);
        domain1.Verdict.Should().Be(AlphaVerdict.Accept);
        domain4.Respondents.Should().Be(7);
        domain4.Alpha!.Value.Should().BeApproximately(0.9456521739130433, Precision);
        domain4.Verdict.Should().Be(AlphaVerdict.Accept, "0.9457 is not above 0.95");
    }

    [Fact]
    public void Items_with_a_corrected_item_total_correlation_under_0_30_are_listed()
    {
        // sr-1-3-a: r = 0.2808733880948142; kn-1-2 against the other two questions: r = 0.14852213144650114.
        _panel.WeakItems.Select(i => i.ItemId).Should().Equal("sr-1-3-a", "kn-1-2");
        _panel.WeakItems[0].Correlation!.Value.Should().BeApproximately(0.2808733880948142, Precision);
        _panel.WeakItems[1].Correlation!.Value.Should().BeApproximately(0.14852213144650114, Precision);
        _panel.Domains.Single(d => d.DomainId == "4").Items.Select(i => i.Correlation!.Value).Should().Equal(
            [0.9074852129730301, 0.8587782018658834, 0.9086606278597037], (a, b) => Math.Abs(a - b) < Precision);
    }

    [Fact]
    public void KR_20_per_domain_and_difficulty_of_the_knowledge_questions_match_the_independent_computation()
    {
        // KR-20 per domain, over that domain's questions only: domain 1 has one question (kn-1-2), too few for KR-20; domain
        // 4 rows (kn-4-2-a, kn-4-2-b) [1,0] [1,1] [0,0] [1,0] [1,1] [0,0] [1,1]: p = 5/7, 3/7, var(total) = 32/49 →
        // 2 · (1 − (10/49 + 12/49) / (32/49)) = 0.7058823529411766 (the same Python script). Over all three questions it
        // would be 0.519, a figure of no domain.
        // Difficulty: kn-1-2 4/7, kn-4-2-a 5/7, kn-4-2-b 3/7, all inside 0.20–0.95.
        _panel.Kr20.Select(d => (d.DomainId, d.Questions, d.Kr20 is null)).Should().Equal(("1", 1, true), ("4", 2, false));
        _panel.Kr20[1].Kr20!.Value.Should().BeApproximately(0.7058823529411766, Precision);
        _panel.KnowledgeItems.Select(k => (k.ItemId, Math.Round(k.Difficulty, 9), k.OutOfRange)).Should().Equal(
            ("kn-1-2", 0.571428571, false), ("kn-4-2-a", 0.714285714, false), ("kn-4-2-b", 0.428571429, false));
    }

    [Fact]
    public void The_panel_counts_respondents_flagged_for_the_attention_check_and_for_speed()
    {
        (_panel.Respondents, _panel.FailedAttentionChecks, _panel.TooFast).Should().Be((7, 1, 1));
    }

    [Theory]
    [InlineData(0.96, AlphaVerdict.Redundant)]
    [InlineData(0.95, AlphaVerdict.Accept)]
    [InlineData(0.70, AlphaVerdict.Accept)]
    [InlineData(0.65, AlphaVerdict.Review)]
    [InlineData(0.59, AlphaVerdict.Low)]
    public void Alpha_thresholds_come_from_the_survey_definition(double alpha, AlphaVerdict expected)
    {
        QualityPanelBuilder.VerdictOf(WorkedExample.Survey.Reporting, alpha).Should().Be(expected);
    }

    [Fact]
    public void A_question_everyone_gets_right_is_out_of_the_difficulty_range()
    {
        var allRight = WorkedExample.Answers
            .Select(a => a with { Choices = new Dictionary<string, string>(a.Choices) { ["kn-4-2-a"] = "a" } })
            .ToList();

        QualityPanelBuilder.Build(WorkedExample.Survey, allRight).KnowledgeItems.Single(k => k.ItemId == "kn-4-2-a")
            .Should().Be(new ItemDifficulty("kn-4-2-a", 1.0, OutOfRange: true));
    }

    [Fact]
    public void Before_anyone_answers_the_panel_is_empty_and_flags_nothing()
    {
        var panel = QualityPanelBuilder.Build(WorkedExample.Survey, []);

        panel.Respondents.Should().Be(0);
        panel.KnowledgeItems.Should().OnlyContain(k => !k.OutOfRange);
        panel.Kr20.Should().OnlyContain(d => d.Kr20 == null);
        panel.Judged.Should().BeFalse();
    }

    [Fact]
    public void The_report_panel_leaves_flagged_respondents_out_of_every_statistic_and_counts_them()
    {
        // R6 failed the attention check and R2 answered too fast (see WorkedExample): the panel is the one of the other five.
        var items = WorkedExample.Answers
            .Select(a => new RespondentItems(ItemValues.Of(WorkedExample.Survey, a), RespondentScorer.Flags(WorkedExample.Survey, a)))
            .ToList();
        var unflagged = WorkedExample.Answers.Where(a => !RespondentScorer.Flags(WorkedExample.Survey, a).Any).ToList();

        var panel = QualityPanelBuilder.ForReport(WorkedExample.Survey, items);

        panel.Should().BeEquivalentTo(QualityPanelBuilder.Build(WorkedExample.Survey, unflagged), o => o
            .Excluding(p => p.FailedAttentionChecks).Excluding(p => p.TooFast).Excluding(p => p.Flagged));
        (panel.Respondents, panel.FailedAttentionChecks, panel.TooFast, panel.Flagged).Should().Be((5, 1, 1, 2));
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public void Reliability_is_judged_only_from_thirty_respondents(int respondents, bool judged)
    {
        var answers = Enumerable.Range(0, respondents).Select(i => WorkedExample.Answers[i % 7] with { RespondentId = $"R{i}" })
            .ToList();
        var items = answers.Select(a => new RespondentItems(ItemValues.Of(WorkedExample.Survey, a), new RespondentFlags(false, false))).ToList();

        QualityPanelBuilder.ForReport(WorkedExample.Survey, items).Judged.Should().Be(judged);
    }
}
