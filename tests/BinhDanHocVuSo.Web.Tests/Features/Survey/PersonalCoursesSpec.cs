using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Assessments.Scoring;
using BinhDanHocVuSo.Web.Features.Survey;

namespace BinhDanHocVuSo.Web.Tests.Features.Survey;

/// <summary>
/// The courses on an official's own result: a course that develops a competence they need is always offered, with a
/// note when it does not reach their target; "no course yet" is kept for competences no course develops.
/// </summary>
public sealed class PersonalCoursesSpec
{
    static readonly CourseOffer[] Offers = [.. Shipped.Catalog.Courses.Select(CourseOffer.From)];

    /// <summary>Answers that put a respondent at the top everywhere except <paramref name="weakIn"/>, where they are at level 0.</summary>
    public static RespondentScores OnlyBelowIn(SurveyDefinition survey, string roleId, string weakIn) => BelowIn(survey, roleId, new HashSet<string> { weakIn });

    /// <summary>
    /// Answers at the top everywhere except in <paramref name="weak"/>, where every statement is at 0 and every knowledge
    /// question is wrong; a weak competence without a question of its own (scored by its domain's questions) gets its
    /// domain's questions wrong.
    /// </summary>
    public static RespondentScores BelowIn(SurveyDefinition survey, string roleId, IReadOnlySet<string> weak)
    {
        var questions = survey.Items.OfType<KnowledgeItem>().ToList();
        var weakDomains = weak.Where(c => !questions.Any(q => q.CompetenceId == c)).Select(DomainOf).ToHashSet();
        bool Wrong(KnowledgeItem q) => weak.Contains(q.CompetenceId) || weakDomains.Contains(DomainOf(q.CompetenceId));
        var ratings = new Dictionary<string, int>(StringComparer.Ordinal);
        var choices = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in survey.Items)
        {
            switch (item)
            {
                case SelfRatingItem statement:
                    ratings[item.Id] = weak.Contains(statement.CompetenceId) ? 0 : survey.FindScale(statement.ScaleId)!.MaxCode;
                    break;
                case AttentionCheckItem check:
                    ratings[item.Id] = check.ExpectedCode;
                    break;
                case KnowledgeItem question:
                    choices[item.Id] = Wrong(question) ? question.Options.First(o => !o.IsCorrect).Id : question.CorrectOptionId;
                    break;
            }
        }
        var ageBand = survey.Background.First(q => q.Kind == BackgroundKind.Choice).Options[0].Id;
        return RespondentScorer.Score(survey, new RespondentAnswers("r", new RespondentBackground("xa", roleId, ageBand), ratings, choices));
    }

    static string DomainOf(string competenceId) => competenceId.Split('.')[0];

    [Fact]
    public void An_official_below_target_in_more_competences_than_a_group_report_lists_gets_a_course_for_each_one_a_course_develops()
    {
        var survey = Shipped.Survey;
        var role = survey.Roles[0].Id;
        var scored = ScoringPlan.Of(survey).Competences.Select(c => c.CompetenceId).ToHashSet();
        var weak = scored.Where(c => survey.Targets.TargetFor(role, c) is > 0).ToHashSet();
        weak.Count.Should().BeGreaterThan(survey.Recommendations.Top, "the case needs more needs than a group report's top K");
        var scores = BelowIn(survey, role, weak);

        var plan = PersonalCourses.Plan(PersonalCourses.Recommend(survey, scores, Offers), Offers);

        var served = plan.Courses.SelectMany(c => c.Needs).Select(n => n.CompetenceId).ToList();
        var developed = weak.Where(c => Offers.Any(o => o.Competences.Contains(c))).ToList();
        served.Should().BeEquivalentTo(developed, "every competence below target that a course develops gets that course");
        plan.NoCourse.Should().BeEquivalentTo(weak.Except(developed), "only a competence no course develops is listed as having none");
    }

    [Fact]
    public void For_every_competence_a_shipped_course_develops_and_every_position_the_result_offers_a_course_never_none()
    {
        var survey = Shipped.Survey;
        var scored = ScoringPlan.Of(survey).Competences.Select(c => c.CompetenceId).ToHashSet();
        var developed = Offers.SelectMany(o => o.Competences).Where(scored.Contains).Distinct().ToList();
        var cases = 0;

        foreach (var role in survey.Roles)
        {
            foreach (var competence in developed.Where(c => survey.Targets.TargetFor(role.Id, c) is > 0))
            {
                var scores = OnlyBelowIn(survey, role.Id, competence);
                var recommendations = GroupRecommender.Recommend(survey, [scores], Offers);
                var needed = recommendations.Priorities.Select(p => p.Need.CompetenceId).ToList();
                needed.Should().Contain(competence, $"a {role.Id} at level 0 in {competence} needs {competence}");

                var plan = PersonalCourses.Plan(recommendations, Offers);

                plan.NoCourse.Should().BeEmpty($"a shipped course develops {competence} and every other need of a {role.Id}");
                var card = plan.Courses.Single(c => c.Needs.Any(n => n.CompetenceId == competence));
                card.Course.Competences.Should().Contain(competence);
                card.Needs.Single(n => n.CompetenceId == competence).Target.Should().Be(survey.Targets.TargetFor(role.Id, competence));
                cases++;
            }
        }

        cases.Should().BeGreaterThan(survey.Roles.Count, "every position has targets in the competences the shipped courses develop");
    }

    static CompetenceNeed Need(string competenceId, double level, double target) =>
        new(competenceId, competenceId[..1], 1, 1, 1, target - level, 3, level, target, level, ["r"]);

    static GroupRecommendations Unfitted(params CompetenceNeed[] needs) =>
        new(needs, [.. needs.Select((n, i) => new Recommendation(i + 1, n, null))], needs);

    [Fact]
    public void A_need_beyond_every_courses_exit_level_gets_the_course_reaching_highest_with_the_shortfall_noted()
    {
        CourseOffer[] courses =
        [
            new("co-ban", ["2.3"], EntryLevel: 0, ExitLevel: 2, Minutes: 20),
            new("trung-cap", ["2.3", "2.6"], EntryLevel: 0, ExitLevel: 3, Minutes: 40),
            new("khac", ["4.1"], EntryLevel: 0, ExitLevel: 6, Minutes: 10),
        ];

        var plan = PersonalCourses.Plan(Unfitted(Need("2.3", level: 0.4, target: 5)), courses);

        plan.NoCourse.Should().BeEmpty();
        var card = plan.Courses.Should().ContainSingle().Subject;
        card.Course.Slug.Should().Be("trung-cap");
        card.Needs.Should().Equal(new CourseForNeed("2.3", Level: 0, Target: 5, ReachesTarget: false, CanStart: true));
    }

    [Fact]
    public void A_course_the_official_can_start_comes_before_one_that_reaches_higher_but_starts_above_them()
    {
        CourseOffer[] courses =
        [
            new("nang-cao", ["1.2"], EntryLevel: 3, ExitLevel: 5, Minutes: 30),
            new("nhap-mon", ["1.2"], EntryLevel: 0, ExitLevel: 2, Minutes: 30),
        ];

        var start = PersonalCourses.Plan(Unfitted(Need("1.2", level: 0, target: 4)), courses);
        var onlyAdvanced = PersonalCourses.Plan(Unfitted(Need("1.2", level: 0, target: 4)), [courses[0]]);

        start.Courses.Single().Course.Slug.Should().Be("nhap-mon");
        onlyAdvanced.Courses.Single().Needs.Single().Should().Be(new CourseForNeed("1.2", 0, 4, ReachesTarget: true, CanStart: false));
    }

    [Fact]
    public void Needs_one_course_serves_share_its_card_and_only_a_competence_no_course_develops_is_listed_as_having_none()
    {
        CourseOffer[] courses = [new("an-toan", ["4.1", "4.2"], 0, 3, 40)];

        var plan = PersonalCourses.Plan(Unfitted(Need("4.2", 0, 4), Need("5.1", 0, 4), Need("4.1", 0, 3)), courses);

        plan.Courses.Should().ContainSingle().Which.Needs.Select(n => n.CompetenceId).Should().Equal("4.2", "4.1");
        plan.NoCourse.Should().Equal("5.1");
    }
}
