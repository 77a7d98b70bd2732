using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Scoring;

/// <summary>Individual scoring (spec section c) on the worked example of <see cref="WorkedExample"/>.</summary>
public class RespondentScorerTests
{
    private const double Precision = 1e-6;

    public static readonly TheoryData<ExpectedCompetence> CompetenceRows = new(ExpectedCompetences());

    public static readonly TheoryData<ExpectedDomain> DomainRows = new(ExpectedDomains());

    [Theory]
    [MemberData(nameof(CompetenceRows))]
    public void Every_competence_score_of_the_worked_example_matches_the_hand_computation(ExpectedCompetence expected)
    {
        var score = WorkedExample.Score(expected.Respondent).Competence(expected.Competence);

        Matches(score, expected);
    }

    [Theory]
    [MemberData(nameof(DomainRows))]
    public void Every_domain_score_of_the_worked_example_matches_the_hand_computation(ExpectedDomain expected)
    {
        var score = WorkedExample.Score(expected.Respondent).Domain(expected.Domain);

        Matches(score, expected);
    }

    [Fact]
    public void A_competence_with_fewer_than_half_its_statements_answered_has_no_level_and_no_gap()
    {
        // R3 answered only sr-1-3-f: 1 of 3 < 0.5 · 3 = 1.5.
        var score = WorkedExample.Score("R3").Competence("1.3");

        score.SelfItemsAnswered.Should().Be(1);
        score.SelfScore.Should().BeNull();
        score.Level.Should().BeNull();
        score.Gap.Should().BeNull();
        score.BelowTarget.Should().BeFalse();
    }

    [Fact]
    public void Two_of_three_statements_is_enough_and_the_self_score_divides_by_the_answered_ones()
    {
        // R2 answered sr-1-3-f = 2 and sr-1-3-i = 1: SR = 3 / (3 · 2) = 0.5, not 3 / 9.
        var score = WorkedExample.Score("R2").Competence("1.3");

        score.SelfItemsAnswered.Should().Be(2);
        score.SelfScore.Should().BeApproximately(0.5, Precision);
    }

    [Fact]
    public void Attitude_statements_do_not_count_in_the_level()
    {
        var answers = WorkedExample.Answers[0];
        var withLowAttitude = answers with { Ratings = new Dictionary<string, int>(answers.Ratings) { ["att-4-2"] = 0 } };

        RespondentScorer.Score(WorkedExample.Survey, withLowAttitude).Competence("4.2")
            .Should().BeEquivalentTo(RespondentScorer.Score(WorkedExample.Survey, answers).Competence("4.2"));
    }

    [Fact]
    public void The_blend_weights_come_from_the_survey_definition()
    {
        // R1 4.2 with self 0.5 / knowledge 0.5: S = 0.5 · 8/9 + 0.5 · 1/2 = 0.694444 (0.733333 with 0.6 / 0.4).
        var survey = WorkedExample.Survey with { Scoring = WorkedExample.Survey.Scoring with { SelfWeight = 0.5, KnowledgeWeight = 0.5 } };

        RespondentScorer.Score(survey, WorkedExample.Answers[0]).Competence("4.2").Score.Should().BeApproximately(0.694444444, Precision);
    }

    [Fact]
    public void Dont_know_and_blank_knowledge_answers_both_count_as_wrong()
    {
        // R6 chose "x" (Tôi không biết) for kn-1-2 and left both 4.2 questions blank.
        var r6 = WorkedExample.Score("R6");

        r6.Competence("1.2").KnowledgeScore.Should().Be(0);
        r6.Competence("4.2").KnowledgeScore.Should().Be(0);
    }

    [Fact]
    public void A_failed_attention_check_and_answering_too_fast_are_flags_on_the_respondent()
    {
        // R6 chose 0 where the check asked for 2. R2 spent 20 s on 12 answered items: 1.67 s < 2 s per item.
        // R1 spent 600 s on 12 items (50 s each); the others have no timing, which never flags.
        WorkedExample.Score("R6").Flags.Should().Be(new RespondentFlags(FailedAttentionCheck: true, TooFast: false));
        WorkedExample.Score("R2").Flags.Should().Be(new RespondentFlags(FailedAttentionCheck: false, TooFast: true));
        WorkedExample.Scores.Where(s => s.RespondentId is not "R2" and not "R6").Should().OnlyContain(s => !s.Flags.Any);
    }

    [Fact]
    public void A_rating_outside_its_scale_is_refused_rather_than_scored()
    {
        var answers = WorkedExample.Answers[0];
        var broken = answers with { Ratings = new Dictionary<string, int>(answers.Ratings) { ["sr-1-2-f"] = 7 } };

        var score = () => RespondentScorer.Score(WorkedExample.Survey, broken);

        score.Should().Throw<ArgumentException>().WithMessage("*sr-1-2-f*7*");
    }

    [Fact]
    public void A_respondent_of_the_shipped_survey_who_masters_everything_reaches_the_top_level_with_no_gap()
    {
        var survey = ShippedSurvey();
        var ratings = survey.Items.OfType<SelfRatingItem>().ToDictionary(i => i.Id, _ => 3);
        var choices = survey.Items.OfType<KnowledgeItem>().ToDictionary(i => i.Id, i => i.CorrectOptionId);

        var scores = RespondentScorer.Score(survey, new RespondentAnswers("r", new RespondentBackground("x", "one-stop", "30-39"), ratings, choices));

        scores.Competences.Should().HaveCountGreaterThanOrEqualTo(20).And.OnlyContain(c => c.ShownLevel == survey.MaxLevel && c.Gap == 0);
        scores.Domains.Should().OnlyContain(d => d.Band!.Id == "advanced");
    }

    [Fact]
    public void A_respondent_of_the_shipped_survey_who_answered_nothing_has_no_level_anywhere()
    {
        var scores = RespondentScorer.Score(ShippedSurvey(), new RespondentAnswers("r", new RespondentBackground("x", "land", "50-plus"), new Dictionary<string, int>(), new Dictionary<string, string>()));

        scores.Competences.Should().OnlyContain(c => c.Level == null && c.Gap == null);
        scores.Domains.Should().OnlyContain(d => d.Level == null);
    }

    private static SurveyDefinition ShippedSurvey() =>
        SurveyLoader.Load(Path.Combine(AssessmentPaths.ShippedFolder, "survey-v1.yaml"), AssessmentPaths.Competences()).Surveys.Single();

    /// <summary>A competence's computed score equals the hand computation, figure by figure.</summary>
    internal static void Matches(CompetenceScore score, ExpectedCompetence expected)
    {
        Near(score.SelfScore, expected.SelfScore, "SR");
        Near(score.KnowledgeScore, expected.KnowledgeScore, "KC");
        Near(score.Score, expected.Score, "S");
        score.Band?.Name.Should().Be(expected.Band);
        if (expected.Band is null)
        {
            score.Band.Should().BeNull();
        }

        Near(score.Level, expected.Level, "L");
        score.ShownLevel.Should().Be(expected.ShownLevel);
        score.Target.Should().Be(expected.Target);
        Near(score.Gap, expected.Gap, "g");
        score.Overconfident.Should().Be(expected.Overconfident);
    }

    /// <summary>A domain's computed score equals the hand computation, figure by figure.</summary>
    internal static void Matches(DomainScore score, ExpectedDomain expected)
    {
        Near(score.Score, expected.Score, "S_d");
        score.Band!.Name.Should().Be(expected.Band);
        Near(score.Level, expected.Level, "L_d");
        score.ShownLevel.Should().Be(expected.ShownLevel);
        Near(score.SelfScore, expected.SelfScore, "SR_d");
        Near(score.KnowledgeScore, expected.KnowledgeScore, "KC_d");
        Near(score.Target, expected.Target, "T_d");
        score.Overconfident.Should().Be(expected.Overconfident);
        score.BelowTarget.Should().Be(expected.BelowTarget);
    }

    private static void Near(double? actual, double? expected, string what)
    {
        if (expected is null)
        {
            actual.Should().BeNull(what);
        }
        else
        {
            actual.Should().NotBeNull(what);
            actual!.Value.Should().BeApproximately(expected.Value, Precision, what);
        }
    }

    /// <summary>Hand-computed competence scores. Bands: S &lt; 0.30 Chưa đạt, &lt; 0.48 Cơ bản, &lt; 0.81 Trung cấp, else Nâng cao.</summary>
    private static IEnumerable<ExpectedCompetence> ExpectedCompetences() =>
        [
            // R1 1.2: SR = (2+2+1)/(3·3) = 0.555556; KC = 1/1; S = 0.6·0.555556 + 0.4·1 = 0.733333; Trung cấp; L = 3 + 2·(0.733333−0.48)/0.33 = 4.535354; g = max(0, 3 − L) = 0.000000; Δ = -0.444.
            new("R1", "1.2", 0.555555556, 1.000000000, 0.733333333, "Trung cấp", 4.535353535, 4, 3, 0.000000000, false),
            // R1 1.3: SR = (1+1+0)/(3·3) = 0.222222; S = SR; Chưa đạt; L = 0.222222/0.30 = 0.740741; g = max(0, 4 − L) = 3.259259.
            new("R1", "1.3", 0.222222222, null, 0.222222222, "Chưa đạt", 0.740740741, 0, 4, 3.259259259, false),
            // R1 4.2: SR = (3+3+2)/(3·3) = 0.888889; KC = 1/2; S = 0.6·0.888889 + 0.4·0.5 = 0.733333; Trung cấp; L = 3 + 2·(0.733333−0.48)/0.33 = 4.535354; g = max(0, 4 − L) = 0.000000; Δ = 0.389 ≥ 0.33 overconfident.
            new("R1", "4.2", 0.888888889, 0.500000000, 0.733333333, "Trung cấp", 4.535353535, 4, 4, 0.000000000, true),
            // R2 1.2: SR = (1+1+0)/(3·3) = 0.222222; KC = 0/1; S = 0.6·0.222222 + 0.4·0 = 0.133333; Chưa đạt; L = 0.133333/0.30 = 0.444444; g = max(0, 3 − L) = 2.555556; Δ = 0.222.
            new("R2", "1.2", 0.222222222, 0.000000000, 0.133333333, "Chưa đạt", 0.444444444, 0, 3, 2.555555556, false),
            // R2 1.3: SR = (2+1)/(3·2) = 0.500000; S = SR; Trung cấp; L = 3 + 2·(0.500000−0.48)/0.33 = 3.121212; g = max(0, 4 − L) = 0.878788.
            new("R2", "1.3", 0.500000000, null, 0.500000000, "Trung cấp", 3.121212121, 3, 4, 0.878787879, false),
            // R2 4.2: SR = (2+1+0)/(3·3) = 0.333333; KC = 2/2; S = 0.6·0.333333 + 0.4·1 = 0.600000; Trung cấp; L = 3 + 2·(0.600000−0.48)/0.33 = 3.727273; g = max(0, 4 − L) = 0.272727; Δ = -0.667.
            new("R2", "4.2", 0.333333333, 1.000000000, 0.600000000, "Trung cấp", 3.727272727, 3, 4, 0.272727273, false),
            // R3 1.2: SR = (3+2+2)/(3·3) = 0.777778; KC = 1/1; S = 0.6·0.777778 + 0.4·1 = 0.866667; Nâng cao; L = 5 + (0.866667−0.81)/0.19 = 5.298246; g = max(0, 3 − L) = 0.000000; Δ = -0.222.
            new("R3", "1.2", 0.777777778, 1.000000000, 0.866666667, "Nâng cao", 5.298245614, 5, 3, 0.000000000, false),
            // R3 1.3: 1 of 3 statements answered < half → SR, S, L, g null.
            new("R3", "1.3", null, null, null, null, null, null, 4, null, false),
            // R3 4.2: SR = (1+1+0)/(3·3) = 0.222222; KC = 0/2; S = 0.6·0.222222 + 0.4·0 = 0.133333; Chưa đạt; L = 0.133333/0.30 = 0.444444; g = max(0, 4 − L) = 3.555556; Δ = 0.222.
            new("R3", "4.2", 0.222222222, 0.000000000, 0.133333333, "Chưa đạt", 0.444444444, 0, 4, 3.555555556, false),
            // R4 1.2: SR = (2+1+1)/(3·3) = 0.444444; KC = 0/1; S = 0.6·0.444444 + 0.4·0 = 0.266667; Chưa đạt; L = 0.266667/0.30 = 0.888889; g = max(0, 3 − L) = 2.111111; Δ = 0.444 ≥ 0.33 overconfident.
            new("R4", "1.2", 0.444444444, 0.000000000, 0.266666667, "Chưa đạt", 0.888888889, 0, 3, 2.111111111, true),
            // R4 1.3: SR = (2+2+1)/(3·3) = 0.555556; S = SR; Trung cấp; L = 3 + 2·(0.555556−0.48)/0.33 = 3.457912; g = max(0, 4 − L) = 0.542088.
            new("R4", "1.3", 0.555555556, null, 0.555555556, "Trung cấp", 3.457912458, 3, 4, 0.542087542, false),
            // R4 4.2: SR = (2+2+1)/(3·3) = 0.555556; KC = 1/2; S = 0.6·0.555556 + 0.4·0.5 = 0.533333; Trung cấp; L = 3 + 2·(0.533333−0.48)/0.33 = 3.323232; g = max(0, 4 − L) = 0.676768; Δ = 0.056.
            new("R4", "4.2", 0.555555556, 0.500000000, 0.533333333, "Trung cấp", 3.323232323, 3, 4, 0.676767677, false),
            // R5 1.2: SR = (2+1+0)/(3·3) = 0.333333; KC = 1/1; S = 0.6·0.333333 + 0.4·1 = 0.600000; Trung cấp; L = 3 + 2·(0.600000−0.48)/0.33 = 3.727273; g = max(0, 4 − L) = 0.272727; Δ = -0.667.
            new("R5", "1.2", 0.333333333, 1.000000000, 0.600000000, "Trung cấp", 3.727272727, 3, 4, 0.272727273, false),
            // R5 1.3: SR = (3+2+2)/(3·3) = 0.777778; S = SR; Trung cấp; L = 3 + 2·(0.777778−0.48)/0.33 = 4.804714; g = max(0, 3 − L) = 0.000000.
            new("R5", "1.3", 0.777777778, null, 0.777777778, "Trung cấp", 4.804713805, 4, 3, 0.000000000, false),
            // R5 4.2: SR = (2+1+1)/(3·3) = 0.444444; KC = 2/2; S = 0.6·0.444444 + 0.4·1 = 0.666667; Trung cấp; L = 3 + 2·(0.666667−0.48)/0.33 = 4.131313; g = max(0, 4 − L) = 0.000000; Δ = -0.556.
            new("R5", "4.2", 0.444444444, 1.000000000, 0.666666667, "Trung cấp", 4.131313131, 4, 4, 0.000000000, false),
            // R6 1.2: SR = (1+0+0)/(3·3) = 0.111111; KC = 0/1; S = 0.6·0.111111 + 0.4·0 = 0.066667; Chưa đạt; L = 0.066667/0.30 = 0.222222; g = max(0, 4 − L) = 3.777778; Δ = 0.111.
            new("R6", "1.2", 0.111111111, 0.000000000, 0.066666667, "Chưa đạt", 0.222222222, 0, 4, 3.777777778, false),
            // R6 1.3: SR = (2+2+2)/(3·3) = 0.666667; S = SR; Trung cấp; L = 3 + 2·(0.666667−0.48)/0.33 = 4.131313; g = max(0, 3 − L) = 0.000000.
            new("R6", "1.3", 0.666666667, null, 0.666666667, "Trung cấp", 4.131313131, 4, 3, 0.000000000, false),
            // R6 4.2: SR = (1+0+0)/(3·3) = 0.111111; KC = 0/2; S = 0.6·0.111111 + 0.4·0 = 0.066667; Chưa đạt; L = 0.066667/0.30 = 0.222222; g = max(0, 4 − L) = 3.777778; Δ = 0.111.
            new("R6", "4.2", 0.111111111, 0.000000000, 0.066666667, "Chưa đạt", 0.222222222, 0, 4, 3.777777778, false),
            // R7 1.2: SR = (3+3+3)/(3·3) = 1.000000; KC = 1/1; S = 0.6·1.000000 + 0.4·1 = 1.000000; Nâng cao; L = 5 + (1.000000−0.81)/0.19 = 6.000000; g = max(0, 4 − L) = 0.000000; Δ = 0.000.
            new("R7", "1.2", 1.000000000, 1.000000000, 1.000000000, "Nâng cao", 6.000000000, 6, 4, 0.000000000, false),
            // R7 1.3: SR = (3+3+2)/(3·3) = 0.888889; S = SR; Nâng cao; L = 5 + (0.888889−0.81)/0.19 = 5.415205; g = max(0, 3 − L) = 0.000000.
            new("R7", "1.3", 0.888888889, null, 0.888888889, "Nâng cao", 5.415204678, 5, 3, 0.000000000, false),
            // R7 4.2: SR = (3+2+2)/(3·3) = 0.777778; KC = 2/2; S = 0.6·0.777778 + 0.4·1 = 0.866667; Nâng cao; L = 5 + (0.866667−0.81)/0.19 = 5.298246; g = max(0, 4 − L) = 0.000000; Δ = -0.222.
            new("R7", "4.2", 0.777777778, 1.000000000, 0.866666667, "Nâng cao", 5.298245614, 5, 4, 0.000000000, false),
        ];

    /// <summary>Hand-computed domain scores: S_d is the mean S of the domain's competences that have one; T_d the mean target over them.</summary>
    private static IEnumerable<ExpectedDomain> ExpectedDomains() =>
        [
            // R1 domain 1: S_d = (0.733333 + 0.222222)/2 = 0.477778, Cơ bản; L_d = 1 + 2·(0.477778−0.30)/0.18 = 2.975309; SR_d = 0.388889; KC_d = 1/1; T_d = 3.5.
            new("R1", "1", 0.477777778, "Cơ bản", 2.975308642, 2, 0.388888889, 1.000000000, 3.500000000, false, true),
            // R1 domain 4: S_d = (0.733333)/1 = 0.733333, Trung cấp; L_d = 3 + 2·(0.733333−0.48)/0.33 = 4.535354; SR_d = 0.888889; KC_d = 1/2; T_d = 4; Δ = 0.389 ≥ 0.33.
            new("R1", "4", 0.733333333, "Trung cấp", 4.535353535, 4, 0.888888889, 0.500000000, 4.000000000, true, false),
            // R2 domain 1: S_d = (0.133333 + 0.500000)/2 = 0.316667, Cơ bản; L_d = 1 + 2·(0.316667−0.30)/0.18 = 1.185185; SR_d = 0.361111; KC_d = 0/1; T_d = 3.5; Δ = 0.361 ≥ 0.33.
            new("R2", "1", 0.316666667, "Cơ bản", 1.185185185, 1, 0.361111111, 0.000000000, 3.500000000, true, true),
            // R2 domain 4: S_d = (0.600000)/1 = 0.600000, Trung cấp; L_d = 3 + 2·(0.600000−0.48)/0.33 = 3.727273; SR_d = 0.333333; KC_d = 2/2; T_d = 4.
            new("R2", "4", 0.600000000, "Trung cấp", 3.727272727, 3, 0.333333333, 1.000000000, 4.000000000, false, true),
            // R3 domain 1: S_d = (0.866667)/1 = 0.866667, Nâng cao; L_d = 5 + (0.866667−0.81)/0.19 = 5.298246; SR_d = 0.777778; KC_d = 1/1; T_d = 3.
            new("R3", "1", 0.866666667, "Nâng cao", 5.298245614, 5, 0.777777778, 1.000000000, 3.000000000, false, false),
            // R3 domain 4: S_d = (0.133333)/1 = 0.133333, Chưa đạt; L_d = 0.133333/0.30 = 0.444444; SR_d = 0.222222; KC_d = 0/2; T_d = 4.
            new("R3", "4", 0.133333333, "Chưa đạt", 0.444444444, 0, 0.222222222, 0.000000000, 4.000000000, false, true),
            // R4 domain 1: S_d = (0.266667 + 0.555556)/2 = 0.411111, Cơ bản; L_d = 1 + 2·(0.411111−0.30)/0.18 = 2.234568; SR_d = 0.500000; KC_d = 0/1; T_d = 3.5; Δ = 0.500 ≥ 0.33.
            new("R4", "1", 0.411111111, "Cơ bản", 2.234567901, 2, 0.500000000, 0.000000000, 3.500000000, true, true),
            // R4 domain 4: S_d = (0.533333)/1 = 0.533333, Trung cấp; L_d = 3 + 2·(0.533333−0.48)/0.33 = 3.323232; SR_d = 0.555556; KC_d = 1/2; T_d = 4.
            new("R4", "4", 0.533333333, "Trung cấp", 3.323232323, 3, 0.555555556, 0.500000000, 4.000000000, false, true),
            // R5 domain 1: S_d = (0.600000 + 0.777778)/2 = 0.688889, Trung cấp; L_d = 3 + 2·(0.688889−0.48)/0.33 = 4.265993; SR_d = 0.555556; KC_d = 1/1; T_d = 3.5.
            new("R5", "1", 0.688888889, "Trung cấp", 4.265993266, 4, 0.555555556, 1.000000000, 3.500000000, false, false),
            // R5 domain 4: S_d = (0.666667)/1 = 0.666667, Trung cấp; L_d = 3 + 2·(0.666667−0.48)/0.33 = 4.131313; SR_d = 0.444444; KC_d = 2/2; T_d = 4.
            new("R5", "4", 0.666666667, "Trung cấp", 4.131313131, 4, 0.444444444, 1.000000000, 4.000000000, false, false),
            // R6 domain 1: S_d = (0.066667 + 0.666667)/2 = 0.366667, Cơ bản; L_d = 1 + 2·(0.366667−0.30)/0.18 = 1.740741; SR_d = 0.388889; KC_d = 0/1; T_d = 3.5; Δ = 0.389 ≥ 0.33.
            new("R6", "1", 0.366666667, "Cơ bản", 1.740740741, 1, 0.388888889, 0.000000000, 3.500000000, true, true),
            // R6 domain 4: S_d = (0.066667)/1 = 0.066667, Chưa đạt; L_d = 0.066667/0.30 = 0.222222; SR_d = 0.111111; KC_d = 0/2; T_d = 4.
            new("R6", "4", 0.066666667, "Chưa đạt", 0.222222222, 0, 0.111111111, 0.000000000, 4.000000000, false, true),
            // R7 domain 1: S_d = (1.000000 + 0.888889)/2 = 0.944444, Nâng cao; L_d = 5 + (0.944444−0.81)/0.19 = 5.707602; SR_d = 0.944444; KC_d = 1/1; T_d = 3.5.
            new("R7", "1", 0.944444444, "Nâng cao", 5.707602339, 5, 0.944444444, 1.000000000, 3.500000000, false, false),
            // R7 domain 4: S_d = (0.866667)/1 = 0.866667, Nâng cao; L_d = 5 + (0.866667−0.81)/0.19 = 5.298246; SR_d = 0.777778; KC_d = 2/2; T_d = 4.
            new("R7", "4", 0.866666667, "Nâng cao", 5.298245614, 5, 0.777777778, 1.000000000, 4.000000000, false, false),
        ];

    public sealed record ExpectedCompetence(
        string Respondent, string Competence, double? SelfScore, double? KnowledgeScore, double? Score, string? Band,
        double? Level, int? ShownLevel, int Target, double? Gap, bool Overconfident);

    public sealed record ExpectedDomain(
        string Respondent, string Domain, double Score, string Band, double Level, int ShownLevel, double SelfScore,
        double KnowledgeScore, double Target, bool Overconfident, bool BelowTarget);
}
