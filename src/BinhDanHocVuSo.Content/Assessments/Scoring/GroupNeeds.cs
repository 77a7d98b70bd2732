namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>Computes the per-competence needs of a group (n, p, Ḡ⁺, w̄, P). Pure.</summary>
public static class GroupNeeds
{
    /// <summary>One need per scored competence, in survey order.</summary>
    public static IReadOnlyList<CompetenceNeed> Compute(SurveyDefinition survey, IReadOnlyList<RespondentScores> members)
    {
        var competences = ScoringPlan.Of(survey).Competences;
        var rated = new int[competences.Count];
        var levelSums = new double[competences.Count];
        var below = competences.Select(_ => new List<BelowTarget>()).ToArray();
        var weightsOfRole = new Dictionary<string, double[]>(StringComparer.Ordinal);

        // One pass over the members for all competences, taking from each member all that is needed later: a province's
        // members do not fit in the processor's caches, and reading each member once per competence cost more than the
        // rest of the report. Sums are in member order, as LINQ's Average adds.
        foreach (var member in members)
        {
            double[]? weights = null;
            for (var i = 0; i < competences.Count; i++)
            {
                var score = member.Competence(i, competences[i].CompetenceId);
                if (score.Level is not { } level || score.Target is null)
                {
                    continue;
                }

                rated[i]++;
                levelSums[i] += level;
                if (score.BelowTarget)
                {
                    weights ??= WeightsOf(survey, competences, member.Background.RoleId, weightsOfRole);
                    below[i].Add(new BelowTarget(member.RespondentId, score, weights[i]));
                }
            }
        }

        return [.. competences.Select((c, i) => Need(c, rated[i], levelSums[i], below[i]))];
    }

    private static double[] WeightsOf(SurveyDefinition survey, IReadOnlyList<CompetencePlan> competences, string roleId, Dictionary<string, double[]> known)
    {
        if (!known.TryGetValue(roleId, out var weights))
        {
            weights = [.. competences.Select(c => survey.Weights.WeightFor(survey.Targets, roleId, c.CompetenceId))];
            known.Add(roleId, weights);
        }

        return weights;
    }

    private static CompetenceNeed Need(CompetencePlan competence, int n, double levelSum, List<BelowTarget> below)
    {
        var (gapSum, weightSum) = (0.0, 0.0);
        foreach (var member in below)
        {
            (gapSum, weightSum) = (gapSum + member.Score.Gap!.Value, weightSum + member.Weight);
        }

        return new CompetenceNeed(
            competence.CompetenceId,
            competence.DomainId,
            n,
            below.Count,
            n == 0 ? 0 : below.Count / (double)n,
            below.Count == 0 ? 0 : gapSum / below.Count,
            below.Count == 0 ? 0 : weightSum / below.Count,
            n == 0 ? null : levelSum / n,
            Median(below.Select(x => (double)x.Score.Target!.Value)),
            Median(below.Select(x => x.Score.Level!.Value)),
            new RespondentIds(below));
    }

    /// <summary>The median (mean of the two middle values for an even count), or null for no values.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>A member below target for a competence: who, their score, and the importance weight of their role.</summary>
    private readonly record struct BelowTarget(string RespondentId, CompetenceScore Score, double Weight);

    /// <summary>The ids of the members below target, read from their list rather than copied: a province has a million.</summary>
    private sealed class RespondentIds(List<BelowTarget> below) : IReadOnlyList<string>
    {
        public int Count => below.Count;

        public string this[int index] => below[index].RespondentId;

        public IEnumerator<string> GetEnumerator() => below.Select(b => b.RespondentId).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
