using BinhDanHocVuSo.Content.Assessments;
namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>
/// The courses on an official's own result page. Their largest needs come from the group rules applied to a group of one;
/// each gets the course that fits (spec section d). When none fits exactly (the shipped courses reach level 3 while a
/// one-stop officer's target for 2.3 is 5), the nearest course that develops the competence is offered, with a note
/// saying what does not fit: someone told "no course fits" while a course on that very competence is listed beside it
/// stops trusting the page. Only a competence that no course develops is listed as having none.
/// </summary>
public static class PersonalCourses
{
    /// <summary>
    /// The group rules applied to a group of one, without the group report's top K: every competence the official is
    /// below target in (by the survey's thresholds) is ranked, largest need first, and gets the course that fits.
    /// </summary>
    public static GroupRecommendations Recommend(SurveyDefinition survey, RespondentScores scores, IReadOnlyList<CourseOffer> courses) =>
        GroupRecommender.Recommend(survey with { Recommendations = survey.Recommendations with { Top = int.MaxValue } }, [scores], courses);

    public static PersonalPlan Plan(GroupRecommendations recommendations, IReadOnlyList<CourseOffer> courses)
    {
        var recommendedIds = recommendations.Priorities.Select(p => p.Need.CompetenceId).ToList();
        var chosen = new List<(CourseOffer Course, CourseForNeed Need)>();
        var none = new List<string>();
        foreach (var priority in recommendations.Priorities)
        {
            var need = priority.Need;
            if ((priority.Course ?? Nearest(need, recommendedIds, courses)) is { } course && CourseForNeed.Of(course, need) is { } fit)
            {
                chosen.Add((course, fit));
            }
            else
            {
                none.Add(need.CompetenceId);
            }
        }
        // One card per course, in the order of its highest-ranked need.
        var cards = chosen.GroupBy(c => c.Course.Slug, StringComparer.Ordinal)
            .Select(g => new CourseAdvice(g.First().Course, [.. g.Select(c => c.Need)]))
            .ToList();
        return new PersonalPlan(cards, none);
    }

    /// <summary>
    /// The course nearest to fitting a need no course fits: among the courses developing the competence, one the official
    /// can start, reaching the highest level, covering most of their other needs, then the shortest, then by slug.
    /// </summary>
    public static CourseOffer? Nearest(CompetenceNeed need, IReadOnlyList<string> recommendedIds, IReadOnlyList<CourseOffer> courses)
    {
        var others = recommendedIds.Where(id => id != need.CompetenceId).ToHashSet(StringComparer.Ordinal);
        return courses
            .Where(course => course.Competences.Contains(need.CompetenceId, StringComparer.Ordinal))
            .OrderByDescending(course => CourseForNeed.Of(course, need)?.CanStart ?? false)
            .ThenByDescending(course => course.ExitLevel)
            .ThenBy(course => course.EntryLevel)
            .ThenByDescending(course => course.Competences.Distinct(StringComparer.Ordinal).Count(others.Contains))
            .ThenBy(course => course.Minutes)
            .ThenBy(course => course.Slug, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}

/// <summary>What the result page offers: course cards, and the needs no course develops.</summary>
/// <param name="Courses">One card per course, highest need first.</param>
/// <param name="NoCourse">Competence ids among the official's needs that no course develops.</param>
public sealed record PersonalPlan(IReadOnlyList<CourseAdvice> Courses, IReadOnlyList<string> NoCourse);

/// <summary>A course card: the course and the official's needs it serves.</summary>
public sealed record CourseAdvice(CourseOffer Course, IReadOnlyList<CourseForNeed> Needs);

/// <summary>How a course fits one need of the official.</summary>
/// <param name="CompetenceId">The competence, e.g. "2.3".</param>
/// <param name="Level">The official's shown level ⌊L⌋ in it.</param>
/// <param name="Target">The target of their role.</param>
/// <param name="ReachesTarget">Whether the course's exit level reaches the target.</param>
/// <param name="CanStart">Whether its entry level is at most one above their level (as the group rule asks).</param>
public sealed record CourseForNeed(string CompetenceId, int Level, int Target, bool ReachesTarget, bool CanStart)
{
    /// <summary>The fit of <paramref name="course"/> for <paramref name="need"/>; null when the need has no one below target.</summary>
    public static CourseForNeed? Of(CourseOffer course, CompetenceNeed need) =>
        need.MedianLevelBelow is { } level && need.MedianTargetBelow is { } target
            ? new CourseForNeed(
                need.CompetenceId,
                LevelScale.ShownLevel(level),
                (int)Math.Ceiling(target - LevelScale.Tolerance),
                course.ExitLevel >= target - LevelScale.Tolerance,
                course.EntryLevel <= LevelScale.ShownLevel(level) + 1)
            : null;
}
