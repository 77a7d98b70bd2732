using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Assessments.Scoring;
using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Content.Tests.Assessments;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Scoring;

/// <summary>
/// The survey diagnoses; the catalogue must then have something to give. Every competence that some position must
/// reach at level 2 or more needs a course that lists it and whose exit level reaches the highest such target.
/// </summary>
public class CatalogueCoverageTests
{
    private static readonly RoleTargets _targets = new(
        new Dictionary<string, int> { ["2.3"] = 3, ["4.2"] = 3, ["3.4"] = 1, ["6.1"] = 2 },
        new Dictionary<string, IReadOnlyDictionary<string, int>> { ["one-stop"] = new Dictionary<string, int> { ["2.3"] = 5, ["3.4"] = 1 } });

    private static CourseOffer Offer(string slug, int exit, params string[] competences) => new(slug, competences, 0, exit, 30);

    [Fact]
    public void A_catalogue_reaching_every_highest_target_has_no_gap()
    {
        var courses = new[] { Offer("dich-vu-cong", 3, "2.3", "4.2"), Offer("mot-cua", 5, "2.3"), Offer("ai", 2, "6.1") };

        CatalogueCoverage.Gaps(_targets, courses).Should().BeEmpty("3.4 has a target of 1 only, below the level that needs a course");
    }

    [Fact]
    public void A_role_target_above_every_course_exit_level_is_a_gap_even_when_the_baseline_is_met()
    {
        var courses = new[] { Offer("dich-vu-cong", 3, "2.3", "4.2"), Offer("ai", 2, "6.1") };

        CatalogueCoverage.Gaps(_targets, courses).Should().Equal(new CatalogueCoverage.Gap("2.3", 5, 3));
    }

    [Fact]
    public void A_competence_no_course_lists_is_a_gap()
    {
        var courses = new[] { Offer("dich-vu-cong", 5, "2.3", "4.2") };

        CatalogueCoverage.Gaps(_targets, courses).Select(g => g.ToString()).Should().Equal("6.1: target 2, no course lists it");
    }

    [Fact]
    public void The_shipped_catalogue_covers_every_target_of_two_or_more_in_survey_version_2()
    {
        var competences = AssessmentPaths.Competences();
        var survey = SurveyLoader.Load(AssessmentPaths.ShippedFolder, competences).Surveys
            .Where(s => s.Id == "nang-luc-so-can-bo-xa").MaxBy(s => s.Version)!;
        var catalog = CourseLoader.Load(Path.Combine(AssessmentPaths.RepoRoot, "courses"), competences);

        var gaps = CatalogueCoverage.Gaps(survey.Targets, catalog.Courses.Select(CourseOffer.From));

        gaps.Should().BeEmpty("every competence an official is diagnosed on needs a course that can bring them to target; missing: {0}",
            string.Join("; ", gaps));
    }
}
