using System.Runtime.CompilerServices;

namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>Computes the per-competence needs of a group (n, p, Ḡ⁺, w̄, P). Pure.</summary>
public static class GroupNeeds
{
    /// <summary>One need per scored competence, in survey order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // One pass over every member of a report: no slow first tier.
    public static IReadOnlyList<CompetenceNeed> Compute(SurveyDefinition survey, IReadOnlyList<RespondentScores> members)
    {
        var competences = ScoringPlan.Of(survey).Competences;
        var sums = competences.Select(_ => new NeedSums()).ToArray();
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
                if (score.Level is not { } level || score.Target is not { } target)
                {
                    continue;
                }

                var need = sums[i];
                need.Rated++;
                need.LevelSum += level;
                if (score.BelowTarget)
                {
                    weights ??= WeightsOf(survey, competences, member.Background.RoleId, weightsOfRole);
                    need.Below++;
                    need.GapSum += score.Gap!.Value;
                    need.WeightSum += weights[i];
                    need.ScoresBelow.Add(score);
                }
            }
        }

        return [.. competences.Select((c, i) => sums[i].Need(c, new BelowTargetIds(members, i, c.CompetenceId, sums[i].Below)))];
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

    /// <summary>
    /// What one competence's need is computed from, added up member by member. The scores below target are counted per
    /// score rather than listed: a province has hundreds of thousands of them but only as many distinct scores as there
    /// are ways to answer a competence's statements, so their medians need no sort of every value.
    /// </summary>
    private sealed class NeedSums
    {
        public int Rated { get; set; }

        public double LevelSum { get; set; }

        public int Below { get; set; }

        public double GapSum { get; set; }

        public double WeightSum { get; set; }

        public ScoreCounts ScoresBelow { get; } = new();

        public CompetenceNeed Need(CompetencePlan competence, IReadOnlyList<string> membersBelow) => new(
            competence.CompetenceId,
            competence.DomainId,
            Rated,
            Below,
            Rated == 0 ? 0 : Below / (double)Rated,
            Below == 0 ? 0 : GapSum / Below,
            Below == 0 ? 0 : WeightSum / Below,
            Rated == 0 ? null : LevelSum / Rated,
            ScoresBelow.Median(s => s.Target!.Value),
            ScoresBelow.Median(s => s.Level!.Value),
            membersBelow);
    }

    /// <summary>
    /// How many times each competence score occurs. Members with the same answers share one score object (see
    /// <see cref="TallyScorer"/>), so a province's hundreds of thousands of scores below target are a few hundred entries.
    /// </summary>
    private sealed class ScoreCounts
    {
        private readonly Dictionary<CompetenceScore, int> _counts = new(ReferenceEqualityComparer.Instance);
        private int _total;

        public void Add(CompetenceScore score)
        {
            _counts[score] = _counts.GetValueOrDefault(score) + 1;
            _total++;
        }

        /// <summary>The median of the value of every score added (the mean of the two middle values for an even count), or null for none.</summary>
        public double? Median(Func<CompetenceScore, double> valueOf)
        {
            if (_total == 0)
            {
                return null;
            }

            var sorted = _counts.Select(c => (Value: valueOf(c.Key), Count: c.Value)).OrderBy(c => c.Value).ToList();
            double At(int position)
            {
                var seen = 0;
                foreach (var (value, count) in sorted)
                {
                    seen += count;
                    if (position < seen)
                    {
                        return value;
                    }
                }

                throw new ArgumentOutOfRangeException(nameof(position));
            }

            var middle = _total / 2;
            return _total % 2 == 1 ? At(middle) : (At(middle - 1) + At(middle)) / 2;
        }
    }

    /// <summary>
    /// The ids of the members below target for one competence, in member order, found when first asked: only a course
    /// assignment reads them, and listing them for every competence of a province would cost more than the report itself.
    /// </summary>
    private sealed class BelowTargetIds(IReadOnlyList<RespondentScores> members, int index, string competenceId, int count) : IReadOnlyList<string>
    {
        private readonly Lazy<string[]> _ids = new(() =>
            [.. members.Where(m => m.Competence(index, competenceId).BelowTarget).Select(m => m.RespondentId)]);

        public int Count => count;

        public string this[int position] => _ids.Value[position];

        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_ids.Value).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
