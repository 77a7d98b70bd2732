using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Scoring;

/// <summary>Tallies and item values, the compact form in which a platform keeps what the answers add up to.</summary>
public class RespondentTallyTests
{
    private static readonly SurveyDefinition _survey = WorkedExample.Survey;

    [Fact]
    public void A_tally_read_back_from_its_bytes_gives_exactly_the_scores_of_the_answers()
    {
        var scorer = new TallyScorer(_survey);
        foreach (var answers in WorkedExample.Answers)
        {
            var tally = RespondentScorer.Tally(_survey, answers);

            var stored = RespondentTally.FromBytes(tally.ToBytes(), scorer.Plan, tally.Flags)!;

            scorer.Score(answers.RespondentId, answers.Background, stored)
                .Should().BeEquivalentTo(RespondentScorer.Score(_survey, answers), o => o.WithStrictOrdering(), answers.RespondentId);
        }
    }

    [Fact]
    public void R2s_tally_counts_the_answered_statements_their_points_and_the_right_answers()
    {
        // R2: 1.2 = 1 1 0, kn-1-2 blank; 1.3 = 2 1 -; 4.2 = 2 1 0, kn-4-2-a right, kn-4-2-b right; 20 s for 12 answers.
        var tally = RespondentScorer.Tally(_survey, WorkedExample.Answers[1]);

        tally.Competences.Should().Equal(new CompetenceTally(3, 2, 9, 0), new CompetenceTally(2, 3, 6, 0), new CompetenceTally(3, 3, 9, 2));
        tally.DomainKnowledgeCorrect.Should().Equal(0, 2);
        tally.Flags.Should().Be(new RespondentFlags(FailedAttentionCheck: false, TooFast: true));
    }

    [Fact]
    public void Respondents_of_one_role_with_the_same_tally_share_one_competence_score()
    {
        var scorer = new TallyScorer(_survey);
        var r4 = WorkedExample.Answers[3];
        var tally = RespondentScorer.Tally(_survey, r4);

        var first = scorer.Score("a", r4.Background, tally);
        var second = scorer.Score("b", r4.Background, tally);
        var leader = scorer.Score("c", r4.Background with { RoleId = "leadership" }, tally);

        second.Competences.Should().Equal(first.Competences, ReferenceEquals);
        leader.Competence("1.2").Target.Should().Be(4, "a leader's target for 1.2 is 4, a one-stop officer's 3");
        first.Competence("1.2").Target.Should().Be(3);
    }

    [Fact]
    public void Bytes_of_another_layout_are_not_read_as_a_tally()
    {
        var plan = ScoringPlan.Of(_survey);
        var bytes = RespondentScorer.Tally(_survey, WorkedExample.Answers[0]).ToBytes();

        RespondentTally.FromBytes(bytes.AsSpan(1), plan, new RespondentFlags(false, false)).Should().BeNull();
        var wrongShape = new RespondentTally([new CompetenceTally(1, 1, 3, 0)], [0], new RespondentFlags(false, false));
        new TallyScorer(_survey).Invoking(s => s.Score("r", WorkedExample.Answers[0].Background, wrongShape)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Item_values_are_codes_right_or_wrong_and_unanswered_in_survey_order()
    {
        // R3: 1.2 = 3 2 2, kn-1-2 b (right); 1.3 = 1 - -; 4.2 = 1 1 0, attitude 3, kn-4-2-a d (wrong), kn-4-2-b blank; check 2.
        var values = ItemValues.Of(_survey, WorkedExample.Answers[2]);

        values.Should().Equal(3, 2, 2, 1, 1, ItemValues.Unanswered, ItemValues.Unanswered, 1, 1, 0, 3, 0, 0, 2);
        _survey.Items.Select(i => i.Id).Should().HaveCount(values.Length);
    }

    [Fact]
    public void The_layout_fingerprint_changes_with_what_tallies_count_and_not_with_the_rules_applied_to_them()
    {
        var original = ScoringLayout.Fingerprint(_survey);
        var otherKey = _survey with
        {
            Pages = [_survey.Pages[0], _survey.Pages[1] with { Items = [.. _survey.Pages[1].Items.Select(KeyBecomesB)] }],
        };
        var otherTargets = _survey with { Targets = _survey.Targets with { Baseline = new Dictionary<string, int> { ["1.2"] = 5 } } };
        var nextVersion = _survey with { Version = 2 };

        ScoringLayout.Fingerprint(otherKey).Should().NotBe(original, "kn-4-2-a has another correct option");
        ScoringLayout.Fingerprint(nextVersion).Should().NotBe(original, "a tally belongs to its survey version");
        ScoringLayout.Fingerprint(otherTargets).Should().Be(original, "targets apply when a tally is scored");
        ScoringLayout.Fingerprint(TestSurvey.Build()).Should().Be(original, "the same definition loaded again");
    }

    private static SurveyItem KeyBecomesB(SurveyItem item) => item is KnowledgeItem { Id: "kn-4-2-a" } question
        ? question with { Options = [.. question.Options.Select(o => o with { IsCorrect = o.Id == "b" })] }
        : item;
}
