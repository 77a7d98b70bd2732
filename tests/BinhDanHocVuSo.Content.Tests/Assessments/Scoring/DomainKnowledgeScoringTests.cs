using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Scoring;

/// <summary>
/// Scoring with <c>knowledge_scope: domain</c> (survey version 2; assessments/README.md, "Knowledge score"): a competence's
/// knowledge score KC is the share right of every question on its domain's page. On the worked example
/// (<see cref="WorkedExample"/>) domain 1 has one question, kn-1-2 (of 1.2): under the domain scope 1.3, which has no
/// question of its own, is blended with it too. Domain 4's questions are all 4.2's, so 4.2 scores as before.
/// </summary>
public class DomainKnowledgeScoringTests
{

    private static readonly SurveyDefinition _survey =
        WorkedExample.Survey with { Scoring = WorkedExample.Survey.Scoring with { KnowledgeScope = KnowledgeScope.Domain } };

    public static readonly TheoryData<RespondentScorerTests.ExpectedCompetence> CompetenceRows = new(ExpectedCompetences());

    public static readonly TheoryData<RespondentScorerTests.ExpectedDomain> DomainRows = new(ExpectedDomains());

    [Theory]
    [MemberData(nameof(CompetenceRows))]
    public void Competence_1_3_is_blended_with_its_domains_question_as_computed_by_hand(RespondentScorerTests.ExpectedCompetence expected)
    {
        var score = Score(expected.Respondent).Competence(expected.Competence);

        RespondentScorerTests.Matches(score, expected);
    }

    [Theory]
    [MemberData(nameof(DomainRows))]
    public void Domain_1_averages_the_new_1_3_scores_as_computed_by_hand(RespondentScorerTests.ExpectedDomain expected)
    {
        var score = Score(expected.Respondent).Domain(expected.Domain);

        RespondentScorerTests.Matches(score, expected);
    }

    [Fact]
    public void A_competence_whose_domains_questions_are_all_its_own_scores_exactly_as_with_the_competence_scope()
    {
        foreach (var answers in WorkedExample.Answers)
        {
            var byDomain = RespondentScorer.Score(_survey, answers);
            var byCompetence = RespondentScorer.Score(WorkedExample.Survey, answers);

            byDomain.Competence("1.2").Should().BeEquivalentTo(byCompetence.Competence("1.2"), answers.RespondentId);
            byDomain.Competence("4.2").Should().BeEquivalentTo(byCompetence.Competence("4.2"), answers.RespondentId);
            byDomain.Domain("4").Should().BeEquivalentTo(byCompetence.Domain("4"), answers.RespondentId);
        }
    }

    [Fact]
    public void Every_competence_of_a_domain_counts_all_the_questions_on_its_page()
    {
        var plan = ScoringPlan.Of(_survey);

        plan.Competences.Single(c => c.CompetenceId == "1.3").KnowledgeItems.Select(k => k.Id).Should().Equal("kn-1-2");
        plan.Competences.Single(c => c.CompetenceId == "1.2").KnowledgeItems.Select(k => k.Id).Should().Equal("kn-1-2");
        plan.Competences.Single(c => c.CompetenceId == "4.2").KnowledgeItems.Select(k => k.Id).Should().Equal("kn-4-2-a", "kn-4-2-b");
        ScoringPlan.Of(WorkedExample.Survey).Competences.Single(c => c.CompetenceId == "1.3").KnowledgeItems.Should().BeEmpty();
    }

    [Fact]
    public void The_tally_counts_the_domains_right_answers_for_each_competence_and_reads_back_to_the_same_scores()
    {
        // R1: kn-1-2 right (b); kn-4-2-a right, kn-4-2-b "x". 1.3's fourth byte is now domain 1's one right answer.
        var scorer = new TallyScorer(_survey);
        var tally = RespondentScorer.Tally(_survey, WorkedExample.Answers[0]);

        tally.Competences.Should().Equal(new CompetenceTally(3, 5, 9, 1), new CompetenceTally(3, 2, 9, 1), new CompetenceTally(3, 8, 9, 1));
        foreach (var answers in WorkedExample.Answers)
        {
            var counted = RespondentScorer.Tally(_survey, answers);
            var stored = RespondentTally.FromBytes(counted.ToBytes(), scorer.Plan, counted.Flags)!;
            scorer.Score(answers.RespondentId, answers.Background, stored)
                .Should().BeEquivalentTo(RespondentScorer.Score(_survey, answers), o => o.WithStrictOrdering(), answers.RespondentId);
        }
    }

    [Fact]
    public void The_layout_fingerprint_tells_a_domain_scope_tally_from_a_competence_scope_one()
    {
        var competenceScope = WorkedExample.Survey with { Scoring = WorkedExample.Survey.Scoring with { KnowledgeScope = KnowledgeScope.Competence } };

        ScoringLayout.Fingerprint(_survey).Should().NotBe(ScoringLayout.Fingerprint(WorkedExample.Survey), "1.3's tally counts another question");
        ScoringLayout.Fingerprint(competenceScope).Should().Be(ScoringLayout.Fingerprint(WorkedExample.Survey), "the default keeps the fingerprints of tallies already kept");
    }

    private static RespondentScores Score(string respondent) =>
        RespondentScorer.Score(_survey, WorkedExample.Answers.Single(a => a.RespondentId == respondent));

    /// <summary>
    /// 1.3 by hand: SR as in <see cref="RespondentScorerTests"/>; KC = kn-1-2 right or not (b is right); S = 0.6·SR + 0.4·KC.
    /// Bands: S &lt; 0.30 Chưa đạt, &lt; 0.48 Cơ bản, &lt; 0.81 Trung cấp, else Nâng cao. Targets: one-stop 1.3 = 4, leaders 3.
    /// </summary>
    private static IEnumerable<RespondentScorerTests.ExpectedCompetence> ExpectedCompetences() =>
        [
            // R1: SR = (1+1+0)/9 = 0.222222; kn-1-2 = b → KC = 1; S = 0.133333 + 0.4 = 0.533333, Trung cấp;
            // L = 3 + 2·(0.533333−0.48)/0.33 = 3 + 0.106667/0.33 = 3.323232; g = 4 − L = 0.676768; Δ = 0.222 − 1 < 0.33.
            new("R1", "1.3", 0.222222222, 1.0, 0.533333333, "Trung cấp", 3.323232323, 3, 4, 0.676767677, false),
            // R2: SR = (2+1)/(3·2) = 0.5; kn-1-2 blank → KC = 0; S = 0.3 exactly, the Cơ bản cut-off; L = 1 + 2·0/0.18 = 1;
            // g = 4 − 1 = 3; Δ = 0.5 ≥ 0.33 overconfident.
            new("R2", "1.3", 0.5, 0.0, 0.3, "Cơ bản", 1.0, 1, 4, 3.0, true),
            // R3: 1 of 3 statements answered → SR, S, L, g null; KC = 1 (kn-1-2 = b) is still reported.
            new("R3", "1.3", null, 1.0, null, null, null, null, 4, null, false),
            // R4: SR = (2+2+1)/9 = 0.555556; kn-1-2 = a → KC = 0; S = 0.333333, Cơ bản; L = 1 + 2·(0.333333−0.30)/0.18 = 1.370370;
            // g = 4 − L = 2.629630; Δ = 0.556 ≥ 0.33 overconfident.
            new("R4", "1.3", 0.555555556, 0.0, 0.333333333, "Cơ bản", 1.370370370, 1, 4, 2.629629630, true),
            // R5: SR = (3+2+2)/9 = 0.777778; KC = 1; S = 0.466667 + 0.4 = 0.866667, Nâng cao; L = 5 + (0.866667−0.81)/0.19 = 5.298246;
            // g = max(0, 3 − L) = 0; Δ = −0.222.
            new("R5", "1.3", 0.777777778, 1.0, 0.866666667, "Nâng cao", 5.298245614, 5, 3, 0.0, false),
            // R6: SR = (2+2+2)/9 = 0.666667; kn-1-2 = x → KC = 0; S = 0.4, Cơ bản; L = 1 + 2·(0.4−0.30)/0.18 = 2.111111;
            // g = 3 − L = 0.888889; Δ = 0.667 ≥ 0.33 overconfident.
            new("R6", "1.3", 0.666666667, 0.0, 0.4, "Cơ bản", 2.111111111, 2, 3, 0.888888889, true),
            // R7: SR = (3+3+2)/9 = 0.888889; KC = 1; S = 0.533333 + 0.4 = 0.933333, Nâng cao; L = 5 + (0.933333−0.81)/0.19 = 5.649123;
            // g = 0; Δ = −0.111.
            new("R7", "1.3", 0.888888889, 1.0, 0.933333333, "Nâng cao", 5.649122807, 5, 3, 0.0, false),
        ];

    /// <summary>Domain 1 by hand: S_d = mean of S(1.2) (unchanged) and S(1.3) above; SR_d and KC_d = kn-1-2 as before; T_d over the scored ones.</summary>
    private static IEnumerable<RespondentScorerTests.ExpectedDomain> ExpectedDomains() =>
        [
            // R1: S_d = (0.733333 + 0.533333)/2 = 0.633333, Trung cấp; L_d = 3 + 2·(0.633333−0.48)/0.33 = 3.929293; SR_d = 0.388889;
            // KC_d = 1; T_d = (3 + 4)/2 = 3.5; not below (3.93 ≥ 3.5).
            new("R1", "1", 0.633333333, "Trung cấp", 3.929292929, 3, 0.388888889, 1.0, 3.5, false, false),
            // R2: S_d = (0.133333 + 0.3)/2 = 0.216667, Chưa đạt; L_d = 0.216667/0.30 = 0.722222; SR_d = (0.222222 + 0.5)/2 = 0.361111;
            // KC_d = 0; T_d = 3.5; Δ = 0.361 ≥ 0.33.
            new("R2", "1", 0.216666667, "Chưa đạt", 0.722222222, 0, 0.361111111, 0.0, 3.5, true, true),
            // R3: 1.3 has no score: S_d = S(1.2) = 0.866667, as with the competence scope; T_d = 3.
            new("R3", "1", 0.866666667, "Nâng cao", 5.298245614, 5, 0.777777778, 1.0, 3.0, false, false),
            // R4: S_d = (0.266667 + 0.333333)/2 = 0.3, on the Cơ bản cut-off; L_d = 1; SR_d = (0.444444 + 0.555556)/2 = 0.5; KC_d = 0;
            // Δ = 0.5 ≥ 0.33.
            new("R4", "1", 0.3, "Cơ bản", 1.0, 1, 0.5, 0.0, 3.5, true, true),
            // R5: S_d = (0.6 + 0.866667)/2 = 0.733333, Trung cấp; L_d = 3 + 2·(0.733333−0.48)/0.33 = 4.535354; SR_d = 0.555556;
            // T_d = (4 + 3)/2 = 3.5.
            new("R5", "1", 0.733333333, "Trung cấp", 4.535353535, 4, 0.555555556, 1.0, 3.5, false, false),
            // R6: S_d = (0.066667 + 0.4)/2 = 0.233333, Chưa đạt; L_d = 0.233333/0.30 = 0.777778; SR_d = (0.111111 + 0.666667)/2 = 0.388889;
            // KC_d = 0; Δ = 0.389 ≥ 0.33.
            new("R6", "1", 0.233333333, "Chưa đạt", 0.777777778, 0, 0.388888889, 0.0, 3.5, true, true),
            // R7: S_d = (1 + 0.933333)/2 = 0.966667, Nâng cao; L_d = 5 + (0.966667−0.81)/0.19 = 5.824561; SR_d = 0.944444.
            new("R7", "1", 0.966666667, "Nâng cao", 5.824561404, 5, 0.944444444, 1.0, 3.5, false, false),
        ];
}
