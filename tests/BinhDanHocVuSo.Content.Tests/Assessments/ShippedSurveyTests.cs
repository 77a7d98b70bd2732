using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Competences;

namespace BinhDanHocVuSo.Content.Tests.Assessments;

/// <summary>The survey shipped in <c>assessments/</c>: it must load cleanly and follow the spec (shared/specs/competency-survey.md).</summary>
public class ShippedSurveyTests
{
    private static readonly CompetenceModel _competences = AssessmentPaths.Competences();
    private static readonly Lazy<SurveyLoadResult> _shipped = new(() => SurveyLoader.Load(AssessmentPaths.ShippedFolder, _competences));

    private static SurveyDefinition Survey => _shipped.Value.Surveys.Single(s => s.Id == "nang-luc-so-can-bo-xa" && s.Version == 1);

    [Fact]
    public void The_shipped_assessments_folder_validates_with_zero_errors()
    {
        _competences.Errors.Should().BeEmpty();
        _shipped.Value.Errors.Should().BeEmpty();
        _shipped.Value.Surveys.Should().NotBeEmpty();
    }

    [Fact]
    public void The_survey_has_about_ninety_items_so_that_it_takes_under_thirty_minutes()
    {
        Survey.Items.Should().HaveCountGreaterThanOrEqualTo(80).And.HaveCountLessThanOrEqualTo(95);
        Survey.MaxMinutes.Should().BeLessThanOrEqualTo(30);
    }

    [Fact]
    public void Every_covered_competence_has_three_self_rating_statements_one_per_band()
    {
        var byCompetence = Survey.Items.OfType<SelfRatingItem>().GroupBy(i => i.CompetenceId).ToList();

        byCompetence.Should().HaveCountGreaterThanOrEqualTo(20);
        foreach (var statements in byCompetence)
        {
            statements.Select(s => s.BandId).Should().BeEquivalentTo(["foundation", "intermediate", "advanced"], $"competence {statements.Key} has one statement per band");
        }
    }

    [Fact]
    public void Every_competence_with_a_role_override_or_a_baseline_target_of_three_is_covered()
    {
        var covered = Survey.Items.OfType<SelfRatingItem>().Select(i => i.CompetenceId).ToHashSet();
        var important = Survey.Targets.ByRole.Values.SelectMany(o => o.Keys)
            .Concat(Survey.Targets.Baseline.Where(t => t.Value >= 3).Select(t => t.Key));

        important.Should().OnlyContain(id => covered.Contains(id));
    }

    [Fact]
    public void Every_domain_has_at_least_two_knowledge_questions_and_about_sixteen_in_all()
    {
        var knowledge = Survey.Items.OfType<KnowledgeItem>().ToList();

        knowledge.Should().HaveCountGreaterThanOrEqualTo(14).And.HaveCountLessThanOrEqualTo(20);
        foreach (var domain in _competences.Domains)
        {
            knowledge.Count(k => _competences.Find(k.CompetenceId)!.DomainId == domain.Id)
                .Should().BeGreaterThanOrEqualTo(2, $"domain {domain.Id} needs at least two knowledge questions");
        }
    }

    [Fact]
    public void Knowledge_questions_offer_four_answers_and_tôi_không_biết_last()
    {
        foreach (var item in Survey.Items.OfType<KnowledgeItem>())
        {
            item.Options.Should().HaveCount(5);
            item.Options.Count(o => o.IsCorrect).Should().Be(1);
            item.Options[^1].Should().Match<KnowledgeOption>(o => o.IsDontKnow && o.Text == "Tôi không biết");
        }
    }

    [Fact]
    public void The_vneid_lock_sms_question_expects_not_clicking_and_checking_in_the_official_app()
    {
        var question = Survey.Items.OfType<KnowledgeItem>().Single(i => i.Id == "kn-4-1-tin-nhan-vneid");

        question.CompetenceId.Should().Be("4.1");
        question.Options.Single(o => o.IsCorrect).Text.Should().Contain("Không bấm").And.Contain("ứng dụng VNeID chính thức");
    }

    [Fact]
    public void There_is_exactly_one_attention_check_and_its_text_names_the_option_it_expects()
    {
        var check = Survey.Items.OfType<AttentionCheckItem>().Should().ContainSingle().Subject;
        var expected = Survey.FindScale(check.ScaleId)!.Options.Single(o => o.Code == check.ExpectedCode).Label;

        check.Text.Should().Contain($"“{expected}”");
    }

    [Fact]
    public void Each_page_holds_one_domain_and_every_domain_has_a_page()
    {
        Survey.Pages.Select(p => p.DomainId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(_competences.Domains.Select(d => d.Id));
    }

    [Fact]
    public void The_answer_scales_read_exactly_as_in_the_spec()
    {
        Labels("skill").Should().Equal("Tôi không biết làm", "Tôi làm được khi có người hướng dẫn", "Tôi tự làm được", "Tôi làm thành thạo và có thể hướng dẫn người khác");
        Labels("knowledge").Should().Equal("Chưa từng nghe", "Hiểu một phần, cần giải thích thêm", "Hiểu rõ", "Nắm vững, giải thích được cho người khác");
        Labels("attitude").Should().Equal("Hoàn toàn không", "Rất ít", "Có", "Rất nhiều");
        Survey.FindScale("attitude")!.InLevelScore.Should().BeFalse("attitude is reported as readiness only");
        Survey.Scales.Should().OnlyContain(s => s.MaxCode == 3);
    }

    [Fact]
    public void The_background_asks_commune_position_and_age_band()
    {
        Survey.Background.Select(b => b.Kind).Should().Equal(BackgroundKind.Commune, BackgroundKind.Role, BackgroundKind.Choice);
        Survey.Background[2].Options.Select(o => o.Id).Should().Equal("under-30", "30-39", "40-49", "50-plus");
        Survey.Roles.Select(r => r.Id).Should().Equal("leadership", "one-stop", "land", "justice-civil-registry", "office", "finance", "culture-society");
    }

    [Fact]
    public void Role_targets_and_weights_have_the_spec_defaults()
    {
        var targets = Survey.Targets;
        targets.Baseline.Should().HaveCount(_competences.Competences.Count);
        targets.TargetFor("office", "4.1").Should().Be(3);
        targets.TargetFor("office", "3.4").Should().Be(1);
        targets.TargetFor("one-stop", "2.3").Should().Be(5);
        targets.TargetFor("land", "1.3").Should().Be(5);
        targets.TargetFor("leadership", "6.3").Should().Be(3);

        Survey.Weights.WeightFor(targets, "one-stop", "2.3").Should().Be(3);
        Survey.Weights.WeightFor(targets, "office", "4.1").Should().Be(2);
        Survey.Weights.WeightFor(targets, "office", "6.1").Should().Be(1);
    }

    [Fact]
    public void Thresholds_have_the_spec_defaults()
    {
        Survey.Bands.Select(b => (b.Name, b.MinScore, b.MinLevel)).Should().Equal(
            ("Chưa đạt", 0, 0), ("Cơ bản", 0.30, 1), ("Trung cấp", 0.48, 3), ("Nâng cao", 0.81, 5));
        Survey.MaxLevel.Should().Be(6);
        Survey.Scoring.Should().Be(new ScoringRules(0.5, 0.6, 0.4, 0.33));
        Survey.Recommendations.Should().BeEquivalentTo(new RecommendationRules(0.20, 0.5, 5, ["0", "4", "1", "2", "5", "3", "6"]));
        Survey.Privacy.Should().Be(new PrivacyRules(5, 10, 10));
        Survey.Reporting.ResponseRateFlagBelow.Should().Be(0.60);
    }

    private static IEnumerable<string> Labels(string scaleId) => Survey.FindScale(scaleId)!.Options.Select(o => o.Label);
}
