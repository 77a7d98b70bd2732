namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>A recommended competence of the priority list, with the course that fits the group, if any.</summary>
/// <param name="Rank">1 for the highest priority.</param>
/// <param name="Need">The group's need for the competence.</param>
/// <param name="Course">The chosen course, or null when no course fits (a content gap).</param>
public sealed record Recommendation(int Rank, CompetenceNeed Need, CourseOffer? Course)
{
    /// <summary>How many members to enrol: those below target.</summary>
    public int ToEnrol => Need.BelowTarget;
}

/// <summary>The result of group recommendations (spec section d).</summary>
/// <param name="Needs">Every scored competence's need, in survey order.</param>
/// <param name="Priorities">The top K needs that reach both thresholds, in priority order.</param>
/// <param name="ContentGaps">Recommended competences no course fits: "Thiếu học liệu".</param>
public sealed record GroupRecommendations(
    IReadOnlyList<CompetenceNeed> Needs,
    IReadOnlyList<Recommendation> Priorities,
    IReadOnlyList<CompetenceNeed> ContentGaps);

/// <summary>Ranks a group's needs and maps each recommended competence to a course. Pure.</summary>
public static class GroupRecommender
{
    /// <summary>Heading of the content-gap list in reports.</summary>
    public const string ContentGapTitle = "Thiếu học liệu";

    /// <summary>Computes the needs of a group, its top K recommendations and the content gaps.</summary>
    public static GroupRecommendations Recommend(SurveyDefinition survey, IReadOnlyList<RespondentScores> members, IReadOnlyList<CourseOffer> courses)
    {
        var rules = survey.Recommendations;
        var needs = GroupNeeds.Compute(survey, members);
        var top = needs
            .Where(n => n.MeetsThresholds(rules))
            .Order(new PriorityOrder(rules.DomainOrder))
            .Take(rules.Top)
            .ToList();
        var recommendedIds = top.Select(n => n.CompetenceId).ToList();
        var priorities = top.Select((need, i) => new Recommendation(i + 1, need, ChooseCourse(need, recommendedIds, courses))).ToList();
        return new GroupRecommendations(needs, priorities, [.. priorities.Where(p => p.Course is null).Select(p => p.Need)]);
    }

    /// <summary>
    /// Whether a course can serve the members below target: it develops the competence, its exit level reaches their
    /// median target, and its entry level is at most ⌊their median level⌋ + 1.
    /// </summary>
    public static bool IsCandidate(CourseOffer course, CompetenceNeed need) =>
        course.Competences.Contains(need.CompetenceId, StringComparer.Ordinal)
        && need.MedianTargetBelow is { } target && need.MedianLevelBelow is { } level
        && course.ExitLevel >= target - LevelScale.Tolerance
        && course.EntryLevel <= LevelScale.ShownLevel(level) + 1;

    /// <summary>
    /// The candidate covering most of the group's other recommended competences, then the shortest, then by slug; or null.
    /// </summary>
    public static CourseOffer? ChooseCourse(CompetenceNeed need, IReadOnlyList<string> recommendedIds, IReadOnlyList<CourseOffer> courses)
    {
        var others = recommendedIds.Where(id => id != need.CompetenceId).ToHashSet(StringComparer.Ordinal);
        return courses
            .Where(course => IsCandidate(course, need))
            .OrderByDescending(course => course.Competences.Distinct(StringComparer.Ordinal).Count(others.Contains))
            .ThenBy(course => course.Minutes)
            .ThenBy(course => course.Slug, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
