using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Assessments.Scoring;
using BinhDanHocVuSo.Content.Competences;

namespace BinhDanHocVuSo.Content.Tests.Assessments;

/// <summary>
/// Version 2 of the shipped survey (<c>assessments/survey-v2.yaml</c>): the fixes of the content review of 2026-12-03
/// (section F) that a machine can check, and the design choices stated in <c>assessments/README.md</c>.
/// </summary>
public class ShippedSurveyV2Tests
{
    /// <summary>The most questions whose right option is at least as long as every other (README.md, "Version 2").</summary>
    private const int MaxRightOptionLongest = 3;

    private static readonly CompetenceModel _competences = AssessmentPaths.Competences();
    private static readonly Lazy<SurveyLoadResult> _shipped = new(() => SurveyLoader.Load(AssessmentPaths.ShippedFolder, _competences));

    private static SurveyDefinition Survey => _shipped.Value.Surveys.Single(s => s.Id == "nang-luc-so-can-bo-xa" && s.Version == 2);

    private static SurveyDefinition Version1 => _shipped.Value.Surveys.Single(s => s.Id == "nang-luc-so-can-bo-xa" && s.Version == 1);

    private static IEnumerable<KnowledgeItem> Questions => Survey.Items.OfType<KnowledgeItem>();

    [Fact]
    public void Version_2_loads_cleanly_and_is_the_newest_version_so_new_responses_answer_it()
    {
        _shipped.Value.Errors.Should().BeEmpty();
        _shipped.Value.Surveys.Where(s => s.Id == Survey.Id).Max(s => s.Version).Should().Be(2);
        Survey.File.Should().Be("assessments/survey-v2.yaml");
    }

    [Fact]
    public void Every_competence_with_a_target_has_statements_at_every_band_and_none_has_a_target_without_them()
    {
        var rated = Survey.Items.OfType<SelfRatingItem>().GroupBy(i => i.CompetenceId).ToDictionary(g => g.Key, g => g.Select(i => i.BandId).ToHashSet());

        Survey.Targets.Baseline.Keys.Should().BeEquivalentTo(rated.Keys, "a target without items gives the report nothing to show (review item 50)");
        foreach (var (competence, bands) in rated)
        {
            bands.Should().BeEquivalentTo(["foundation", "intermediate", "advanced"], $"competence {competence} has statements aimed at each band");
        }

        rated.Should().ContainKey("4.4");
        Survey.Targets.TargetFor("office", "3.4").Should().BeNull("3.4 has no items and no target in version 2");
    }

    [Fact]
    public void Knowledge_is_scored_per_domain_and_each_competences_knowledge_score_rests_on_at_least_four_answers()
    {
        Survey.Scoring.KnowledgeScope.Should().Be(KnowledgeScope.Domain);
        var plan = ScoringPlan.Of(Survey);

        plan.Competences.Should().HaveCount(Survey.Targets.Baseline.Count);
        foreach (var competence in plan.Competences)
        {
            competence.KnowledgeItems.Should().HaveCountGreaterThanOrEqualTo(4, $"{competence.CompetenceId} counts every question of domain {competence.DomainId}");

            // One answer moves the blended score S = 0.6·SR + 0.4·KC by 0.4 / n: at most 0.10, half the width of the Cơ bản band.
            (Survey.Scoring.KnowledgeWeight / competence.KnowledgeItems.Count).Should().BeLessThanOrEqualTo(0.10 + 1e-9);
        }
    }

    [Fact]
    public void Digital_identity_has_its_own_questions_and_every_question_sits_on_its_competences_domain_page()
    {
        Questions.Where(q => q.CompetenceId == "2.6").Should().HaveCountGreaterThanOrEqualTo(2, "VNeID is central to commune work (review item 54)");
        foreach (var page in Survey.Pages)
        {
            page.Items.OfType<KnowledgeItem>().Should().OnlyContain(q => _competences.Find(q.CompetenceId)!.DomainId == page.DomainId);
        }

        Questions.Should().HaveCountGreaterThanOrEqualTo(28);
    }

    [Fact]
    public void The_vneid_lock_sms_question_is_about_digital_identity_and_expects_not_clicking_and_checking_in_the_official_app()
    {
        var question = Questions.Single(i => i.Id == "kn-2-6-tin-nhan-vneid");

        question.CompetenceId.Should().Be("2.6");
        question.Options.Single(o => o.IsCorrect).Text.Should().Contain("Không bấm").And.Contain("ứng dụng VNeID chính thức");
    }

    [Fact]
    public void Misplaced_statements_of_version_1_now_rate_the_competence_they_describe()
    {
        // Review item 54: app permissions are device protection (4.1); using shared population data is managing data (1.3).
        Statement("sr-4-1-i-quyen-ung-dung").CompetenceId.Should().Be("4.1");
        Statement("sr-1-3-i-du-lieu-dung-chung").CompetenceId.Should().Be("1.3");
        Survey.Items.Select(i => i.Id).Should().NotContain(["sr-0-2-i", "sr-2-2-a", "kn-4-1-tin-nhan-vneid"]);
    }

    [Fact]
    public void No_statement_asks_to_guide_colleagues_because_the_top_answer_already_means_that()
    {
        string[] guiding = ["hướng dẫn đồng nghiệp", "hướng dẫn người khác", "hướng dẫn lại"];

        Survey.Items.OfType<SelfRatingItem>()
            .Where(s => guiding.Any(g => s.Text.Contains(g, StringComparison.OrdinalIgnoreCase)))
            .Select(s => s.Id)
            .Should().BeEmpty("review item 52: guiding others is counted by the answer, not the statement");
    }

    [Fact]
    public void Every_answer_scale_is_used_by_some_statement()
    {
        var used = Survey.Items.OfType<SelfRatingItem>().Select(i => i.ScaleId).ToHashSet();

        Survey.Scales.Select(s => s.Id).Should().OnlyContain(id => used.Contains(id), "an unused scale (attitude in version 1) is noise (review item 55)");
        Survey.Scales.Should().OnlyContain(s => s.InLevelScore);
    }

    [Fact]
    public void Knowledge_questions_offer_four_answers_of_similar_length_and_tôi_không_biết_last()
    {
        foreach (var question in Questions)
        {
            question.Options.Should().HaveCount(5);
            question.Options.Count(o => o.IsCorrect).Should().Be(1);
            question.Options[^1].Should().Match<KnowledgeOption>(o => o.IsDontKnow && o.Text == "Tôi không biết");

            var lengths = question.Options.Where(o => !o.IsDontKnow).Select(o => o.Text.Length).ToList();
            (lengths.Max() / (double)lengths.Min()).Should().BeLessThanOrEqualTo(1.25, $"{question.Id}: no option stands out by its length");
        }
    }

    [Fact]
    public void The_right_option_is_the_longest_in_no_more_questions_than_the_readme_states()
    {
        var longest = Questions
            .Where(q => q.Options.Single(o => o.IsCorrect).Text.Length >= q.Options.Where(o => !o.IsCorrect && !o.IsDontKnow).Max(o => o.Text.Length))
            .Select(q => q.Id)
            .ToList();

        longest.Should().HaveCountLessThanOrEqualTo(MaxRightOptionLongest, "in version 1 it was 13 of 16 (review item 47)");
        File.ReadAllText(Path.Combine(AssessmentPaths.ShippedFolder, "README.md")).Should().Contain($"at most {MaxRightOptionLongest} of the {Questions.Count()}");
    }

    [Fact]
    public void An_item_id_kept_from_version_1_means_exactly_the_same_item()
    {
        var before = Version1.Items.ToDictionary(i => i.Id);
        var kept = Survey.Items.Where(i => before.ContainsKey(i.Id)).ToList();

        kept.Should().HaveCountGreaterThan(30);
        foreach (var item in kept)
        {
            Comparable(item).Should().BeEquivalentTo(Comparable(before[item.Id]), o => o.WithStrictOrdering(), $"{item.Id} was changed: give it a new id");
        }
    }

    [Fact]
    public void Positions_keep_their_version_1_ids_and_targets_so_their_results_compare_across_versions()
    {
        Survey.Roles.Select(r => r.Id).Should().Equal(Version1.Roles.Select(r => r.Id));
        Survey.Roles.Single(r => r.Id == "one-stop").Name.Should().Be("Trung tâm Phục vụ hành chính công");
        Survey.Targets.ByRole.Should().BeEquivalentTo(Version1.Targets.ByRole);
        Survey.Targets.Baseline.Should().BeEquivalentTo(Version1.Targets.Baseline.Where(t => t.Key != "3.4"));
        Survey.Weights.Should().BeEquivalentTo(Version1.Weights);
        Survey.Bands.Should().BeEquivalentTo(Version1.Bands);
        Survey.Scoring.Should().Be(Version1.Scoring with { KnowledgeScope = KnowledgeScope.Domain });
    }

    [Fact]
    public void The_survey_fits_in_its_time_at_ten_seconds_a_statement_and_thirty_a_question()
    {
        // The estimate of README.md ("Version 2"); the response times the platform records will tell the real figure.
        var statements = Survey.Items.Count(i => i is not KnowledgeItem);
        var seconds = (statements * 10) + (Questions.Count() * 30);

        seconds.Should().BeLessThanOrEqualTo(Survey.MaxMinutes * 60);
        Survey.MaxMinutes.Should().Be(30);
    }

    [Fact]
    public void A_respondent_who_masters_everything_reaches_the_top_level_and_one_who_answered_nothing_has_no_level()
    {
        var ratings = Survey.Items.OfType<SelfRatingItem>().ToDictionary(i => i.Id, _ => 3);
        var choices = Questions.ToDictionary(i => i.Id, i => i.CorrectOptionId);
        var background = new RespondentBackground("x", "one-stop", "30-39");

        var best = RespondentScorer.Score(Survey, new RespondentAnswers("r", background, ratings, choices));
        var none = RespondentScorer.Score(Survey, new RespondentAnswers("r", background, new Dictionary<string, int>(), new Dictionary<string, string>()));

        best.Competences.Should().HaveCount(25).And.OnlyContain(c => c.ShownLevel == Survey.MaxLevel && c.Gap == 0 && c.KnowledgeScore == 1);
        none.Competences.Should().OnlyContain(c => c.Level == null && c.KnowledgeScore == 0);
    }

    private static SelfRatingItem Statement(string id) => Survey.Items.OfType<SelfRatingItem>().Single(i => i.Id == id);

    /// <summary>What makes an item the same item: everything but its line in the file.</summary>
    private static object Comparable(SurveyItem item) => item switch
    {
        SelfRatingItem s => new { s.Id, s.Text, s.CompetenceId, s.BandId, s.ScaleId },
        KnowledgeItem k => new { k.Id, k.Text, k.CompetenceId, Options = k.Options.Select(o => (o.Id, o.Text, o.IsCorrect, o.IsDontKnow)).ToList(), k.Explanation },
        AttentionCheckItem a => new { a.Id, a.Text, a.ScaleId, a.ExpectedCode },
        _ => item.Id,
    };
}
