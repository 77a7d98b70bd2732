namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>
/// Whether the catalogue can serve the survey: every competence that some position must reach at level
/// <see cref="MinimumTarget"/> or more needs at least one course that lists it and brings learners up to the
/// highest such target. A competence that fails is a content gap the survey would diagnose without a remedy.
/// </summary>
public static class CatalogueCoverage
{
    /// <summary>Targets below this (e.g. 3.4 programming at level 1) are not required to have a course.</summary>
    public const int MinimumTarget = 2;

    /// <summary>A competence the catalogue does not cover well enough.</summary>
    /// <param name="CompetenceId">The competence.</param>
    /// <param name="HighestTarget">The highest target of any position (baseline or role override).</param>
    /// <param name="BestExitLevel">The highest exit level of a course listing it, or null when no course lists it.</param>
    public sealed record Gap(string CompetenceId, int HighestTarget, int? BestExitLevel)
    {
        public override string ToString() => BestExitLevel is { } exit
            ? $"{CompetenceId}: target {HighestTarget}, best course exit level {exit}"
            : $"{CompetenceId}: target {HighestTarget}, no course lists it";
    }

    /// <summary>The highest target of any position per competence, for targets of at least <see cref="MinimumTarget"/>.</summary>
    public static IReadOnlyDictionary<string, int> HighestTargets(RoleTargets targets)
    {
        var highest = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (competence, target) in targets.Baseline.Concat(targets.ByRole.Values.SelectMany(role => role)))
        {
            if (target >= MinimumTarget && (!highest.TryGetValue(competence, out var known) || target > known))
            {
                highest[competence] = target;
            }
        }

        return highest;
    }

    /// <summary>The competences not covered, in id order; empty when the catalogue serves every target.</summary>
    public static IReadOnlyList<Gap> Gaps(RoleTargets targets, IEnumerable<CourseOffer> courses)
    {
        var offers = courses.ToList();
        return [.. HighestTargets(targets)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair =>
            {
                var exits = offers.Where(o => o.Competences.Contains(pair.Key)).Select(o => (int?)o.ExitLevel).ToList();
                var best = exits.Count == 0 ? null : exits.Max();
                return best >= pair.Value ? null : new Gap(pair.Key, pair.Value, best);
            })
            .OfType<Gap>()];
    }
}
