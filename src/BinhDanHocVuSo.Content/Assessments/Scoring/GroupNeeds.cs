namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>Computes the per-competence needs of a group (n, p, Ḡ⁺, w̄, P). Pure.</summary>
public static class GroupNeeds
{
    /// <summary>One need per scored competence, in survey order.</summary>
    public static IReadOnlyList<CompetenceNeed> Compute(SurveyDefinition survey, IReadOnlyList<RespondentScores> members) =>
        [.. ScoringPlan.Of(survey).Competences.Select((c, index) => ForCompetence(survey, index, c, members))];

    private static CompetenceNeed ForCompetence(SurveyDefinition survey, int index, CompetencePlan competence, IReadOnlyList<RespondentScores> members)
    {
        var rated = members
            .Select(m => (Member: m, Score: m.Competence(index, competence.CompetenceId)))
            .Where(x => x.Score.Level is not null && x.Score.Target is not null)
            .ToList();
        var below = rated.Where(x => x.Score.BelowTarget).ToList();
        var n = rated.Count;
        return new CompetenceNeed(
            competence.CompetenceId,
            competence.DomainId,
            n,
            below.Count,
            n == 0 ? 0 : below.Count / (double)n,
            below.Count == 0 ? 0 : below.Average(x => x.Score.Gap!.Value),
            below.Count == 0 ? 0 : below.Average(x => survey.Weights.WeightFor(survey.Targets, x.Member.Background.RoleId, competence.CompetenceId)),
            n == 0 ? null : rated.Average(x => x.Score.Level!.Value),
            Median(below.Select(x => (double)x.Score.Target!.Value)),
            Median(below.Select(x => x.Score.Level!.Value)),
            [.. below.Select(x => x.Member.RespondentId)]);
    }

    /// <summary>The median (mean of the two middle values for an even count), or null for no values.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
