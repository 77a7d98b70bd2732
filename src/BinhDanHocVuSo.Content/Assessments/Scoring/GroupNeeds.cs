using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>Computes the per-competence needs of a group (n, p, Ḡ⁺, w̄, P). Pure.</summary>
public static class GroupNeeds
{
    /// <summary>One need per scored competence, in survey order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // One pass over every member of a report: no slow first tier.
    public static IReadOnlyList<CompetenceNeed> Compute(SurveyDefinition survey, IReadOnlyList<RespondentScores> members)
    {
        var competences = ScoringPlan.Of(survey).Competences;
        var ids = competences.Select(c => c.CompetenceId).ToArray();
        var sums = competences.Select(_ => new NeedSums()).ToArray();
        var weightsOfRole = new Dictionary<string, double[]>(StringComparer.Ordinal);

        // One pass over the members for all competences, taking from each member all that is needed later: a province's
        // members do not fit in the processor's caches, and reading each member once per competence cost more than the
        // rest of the report. Sums are in member order, as LINQ's Average adds.
        foreach (var member in members)
        {
            double[]? weights = null;
            for (var i = 0; i < ids.Length; i++)
            {
                var score = member.Competence(i, ids[i]);
                if (score.Level is not { } level || score.Target is not { } target)
                {
                    continue;
                }

                var need = sums[i];
                need.Rated++;
                need.LevelSum += level;
                if (level < target - LevelScale.Tolerance)
                {
                    weights ??= WeightsOf(survey, competences, member.Background.RoleId, weightsOfRole);
                    need.Below++;
                    need.GapSum += score.Gap!.Value;
                    need.WeightSum += weights[i];
                    need.TargetsBelow.Add(target);
                    need.LevelsBelow.Add(level);
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
    /// What one competence's need is computed from, added up member by member. The targets and levels below target are
    /// counted per value rather than listed: a province has hundreds of thousands of them but only as many distinct values
    /// as there are roles and ways to answer a competence's statements, so their medians need no sort of every value.
    /// </summary>
    private sealed class NeedSums
    {
        public int Rated { get; set; }

        public double LevelSum { get; set; }

        public int Below { get; set; }

        public double GapSum { get; set; }

        public double WeightSum { get; set; }

        public ValueCounts TargetsBelow { get; } = new();

        public ValueCounts LevelsBelow { get; } = new();

        public CompetenceNeed Need(CompetencePlan competence, IReadOnlyList<string> membersBelow) => new(
            competence.CompetenceId,
            competence.DomainId,
            Rated,
            Below,
            Rated == 0 ? 0 : Below / (double)Rated,
            Below == 0 ? 0 : GapSum / Below,
            Below == 0 ? 0 : WeightSum / Below,
            Rated == 0 ? null : LevelSum / Rated,
            TargetsBelow.Median(),
            LevelsBelow.Median(),
            membersBelow);
    }

    /// <summary>
    /// How many times each value occurs, for a median of many values of few kinds: an open-addressing table keyed by the
    /// value's bits, as a province adds a million values to it and a dictionary's look-up cost a third of the report.
    /// </summary>
    private sealed class ValueCounts
    {
        private ulong[] _keys = new ulong[64];
        private int[] _counts = new int[64];
        private int _distinct;
        private int _total;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(double value)
        {
            var key = BitConverter.DoubleToUInt64Bits(value);
            var mask = _keys.Length - 1;
            var i = SlotOf(key, mask);
            while (_counts[i] != 0 && _keys[i] != key)
            {
                i = (i + 1) & mask;
            }

            if (_counts[i] == 0)
            {
                if (2 * (_distinct + 1) > _keys.Length)
                {
                    Grow();
                    Add(value);
                    return;
                }

                (_keys[i], _distinct) = (key, _distinct + 1);
            }

            _counts[i]++;
            _total++;
        }

        private static int SlotOf(ulong key, int mask) => (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & mask;

        private void Grow()
        {
            var (keys, counts) = (_keys, _counts);
            (_keys, _counts) = (new ulong[keys.Length * 2], new int[keys.Length * 2]);
            var mask = _keys.Length - 1;
            for (var j = 0; j < keys.Length; j++)
            {
                if (counts[j] == 0)
                {
                    continue;
                }

                var i = SlotOf(keys[j], mask);
                while (_counts[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                (_keys[i], _counts[i]) = (keys[j], counts[j]);
            }
        }

        /// <summary>The median of every value added (the mean of the two middle values for an even count), or null for none.</summary>
        public double? Median()
        {
            if (_total == 0)
            {
                return null;
            }

            var sorted = _keys.Zip(_counts).Where(c => c.Second > 0).Select(c => (Value: BitConverter.UInt64BitsToDouble(c.First), Count: c.Second))
                .OrderBy(c => c.Value).ToList();
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
