using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>
/// Turns tallies (<see cref="RespondentTally"/>) into scores for one survey version: the level, band, target, gap and
/// overconfidence of every competence and domain (spec section c). Competence scores are immutable and depend only on
/// the competence, the role and the tally, so each is computed once and shared: 100,000 respondents need a few thousand
/// of them, not millions. One instance per report or respondent; not thread-safe.
/// </summary>
public sealed class TallyScorer
{
    // 16 bits of domain and questions right, then 16 bits per competence score.
    private const int MaxSharedCompetences = 7;

    private readonly SurveyDefinition _survey;
    private readonly LevelScale _scale;
    private readonly int[][] _competencesOfDomain;
    private readonly int[] _knowledgeOfDomain;
    private readonly Dictionary<string, Dictionary<int, KnownScore>[]> _competenceScoresOfRole = new(StringComparer.Ordinal);
    private readonly DomainScoreTable _domainScores = new();
    private int _knownScores;

    /// <summary>A scorer for <paramref name="survey"/>.</summary>
    public TallyScorer(SurveyDefinition survey)
    {
        _survey = survey;
        _scale = LevelScale.Of(survey);
        Plan = ScoringPlan.Of(survey);
        _competencesOfDomain =
        [
            .. Plan.DomainIds.Select(d => Plan.Competences.Select((c, i) => (c, i)).Where(x => x.c.DomainId == d).Select(x => x.i).ToArray()),
        ];
        _knowledgeOfDomain = [.. Plan.DomainIds.Select(d => Plan.KnowledgeItems.Count(k => ScoringPlan.DomainOf(survey, k) == d))];
    }

    /// <summary>The scoring plan that tallies of this survey follow.</summary>
    public ScoringPlan Plan { get; }

    /// <summary>The scores of one respondent.</summary>
    /// <exception cref="ArgumentException">The tally does not follow this survey's scoring plan.</exception>
    public RespondentScores Score(string respondentId, RespondentBackground background, RespondentTally tally)
    {
        if (tally.Competences.Count != Plan.Competences.Count || tally.DomainKnowledgeCorrect.Count != Plan.DomainIds.Count)
        {
            throw new ArgumentException(
                $"respondent '{respondentId}': a tally of {tally.Competences.Count} competences and {tally.DomainKnowledgeCorrect.Count} domains for a survey that scores {Plan.Competences.Count} and {Plan.DomainIds.Count}",
                nameof(tally));
        }

        return Score(respondentId, background, tally.ToBytes(), tally.Flags);
    }

    /// <summary>
    /// The scores of one respondent from their tally as stored (<see cref="RespondentTally.ToBytes"/>), read in place:
    /// a group report scores every respondent of a province, and decoding each tally first would double what it allocates.
    /// </summary>
    /// <exception cref="ArgumentException">The bytes are not a tally of this survey's scoring plan.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // Runs for every respondent of a report: no slow first tier.
    public RespondentScores Score(string respondentId, RespondentBackground background, ReadOnlySpan<byte> tally, RespondentFlags flags)
    {
        if (tally.Length != RespondentTally.ByteCount(Plan))
        {
            throw new ArgumentException(
                $"respondent '{respondentId}': a tally of {tally.Length} bytes for a survey whose tallies have {RespondentTally.ByteCount(Plan)}",
                nameof(tally));
        }

        if (!_competenceScoresOfRole.TryGetValue(background.RoleId, out var known))
        {
            known = [.. Plan.Competences.Select(_ => new Dictionary<int, KnownScore>())];
            _competenceScoresOfRole.Add(background.RoleId, known);
        }

        var competences = new CompetenceScore[Plan.Competences.Count];
        Span<int> ids = stackalloc int[competences.Length];
        for (var i = 0; i < competences.Length; i++)
        {
            // The competence's four bytes of the tally, read as one number, are the key of its score.
            var key = BinaryPrimitives.ReadInt32LittleEndian(tally[(i * RespondentTally.BytesPerCompetence)..]);
            if (!known[i].TryGetValue(key, out var score))
            {
                score = new KnownScore(ScoreCompetence(Plan.Competences[i], background.RoleId, RespondentTally.CompetenceAt(tally, i)), _knownScores++);
                known[i].Add(key, score);
            }

            (competences[i], ids[i]) = (score.Score, score.Id);
        }

        var domains = new DomainScore[Plan.DomainIds.Count];
        for (var d = 0; d < domains.Length; d++)
        {
            domains[d] = DomainScoreOf(d, competences, ids, RespondentTally.DomainKnowledgeAt(tally, competences.Length, d));
        }

        return new RespondentScores(respondentId, background, _survey.Version, competences, domains, flags);
    }

    /// <summary>
    /// The domain's score, shared by everyone with the same scores of its competences and the same questions right: in a
    /// province, about one respondent in eight has a combination not seen before. The key packs the domain, the questions
    /// right and the ids of the competence scores (16 bits each) into 128 bits; a domain whose key does not fit is scored
    /// for each respondent.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private DomainScore DomainScoreOf(int domain, CompetenceScore[] competences, ReadOnlySpan<int> ids, int knowledgeCorrect)
    {
        var members = _competencesOfDomain[domain];
        if (members.Length > MaxSharedCompetences || domain > byte.MaxValue || _knownScores > ushort.MaxValue)
        {
            return ScoreDomain(domain, competences, knowledgeCorrect);
        }

        var key = ((UInt128)(uint)domain << 8) | (uint)knowledgeCorrect;
        for (var j = 0; j < members.Length; j++)
        {
            key |= (UInt128)(uint)ids[members[j]] << (16 + (16 * j));
        }

        if (_domainScores.Find(key) is not { } score)
        {
            score = ScoreDomain(domain, competences, knowledgeCorrect);
            _domainScores.Add(key, score);
        }

        return score;
    }

    private CompetenceScore ScoreCompetence(CompetencePlan plan, string roleId, CompetenceTally tally)
    {
        var rules = _survey.Scoring;
        var enough = tally.SelfItemsAnswered > 0 && tally.SelfItemsAnswered >= (rules.MinAnsweredShare * plan.SelfItems.Count) - LevelScale.Tolerance;
        double? self = enough ? tally.SelfPoints / (double)tally.SelfMaxPoints : null;
        double? knowledge = plan.KnowledgeItems.Count == 0 ? null : tally.KnowledgeCorrect / (double)plan.KnowledgeItems.Count;
        double? score = self is null ? null
            : knowledge is null ? self
            : (rules.SelfWeight * self.Value) + (rules.KnowledgeWeight * knowledge.Value);
        double? level = score is null ? null : _scale.LevelOf(score.Value);
        var target = _survey.Targets.TargetFor(roleId, plan.CompetenceId);
        double? gap = level is null || target is null ? null : Math.Max(0, target.Value - level.Value);
        return new CompetenceScore(
            plan.CompetenceId, plan.DomainId, tally.SelfItemsAnswered, self, knowledge, score,
            score is null ? null : _scale.BandOf(score.Value), level, target, gap,
            IsOverconfident(rules, self, knowledge));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private DomainScore ScoreDomain(int domain, CompetenceScore[] competences, int knowledgeCorrect)
    {
        // Means of the values present, summed in survey order.
        var (scoreSum, scored, selfSum, selfScored, targetSum, targeted) = (0.0, 0, 0.0, 0, 0.0, 0);
        foreach (var i in _competencesOfDomain[domain])
        {
            var competence = competences[i];
            if (competence.Score is { } s)
            {
                (scoreSum, scored) = (scoreSum + s, scored + 1);
                if (competence.Target is { } t)
                {
                    (targetSum, targeted) = (targetSum + t, targeted + 1);
                }
            }

            if (competence.SelfScore is { } sr)
            {
                (selfSum, selfScored) = (selfSum + sr, selfScored + 1);
            }
        }

        double? score = scored == 0 ? null : scoreSum / scored;
        double? self = selfScored == 0 ? null : selfSum / selfScored;
        double? target = targeted == 0 ? null : targetSum / targeted;
        var questions = _knowledgeOfDomain[domain];
        double? knowledge = questions == 0 ? null : knowledgeCorrect / (double)questions;
        return new DomainScore(
            Plan.DomainIds[domain], score, score is null ? null : _scale.BandOf(score.Value), score is null ? null : _scale.LevelOf(score.Value),
            self, knowledge, target, IsOverconfident(_survey.Scoring, self, knowledge));
    }

    private static bool IsOverconfident(ScoringRules rules, double? self, double? knowledge) =>
        self is not null && knowledge is not null && self.Value - knowledge.Value >= rules.OverconfidenceGap - LevelScale.Tolerance;

    /// <summary>A competence score and the number it was given when first computed, for the keys of domain scores.</summary>
    private sealed record KnownScore(CompetenceScore Score, int Id);

    /// <summary>
    /// Domain scores by their 128-bit keys, in an open-addressing table of our own: a report's first request looks up
    /// several hundred thousand keys, and a dictionary of 128-bit keys is compiled for this program on first use and runs
    /// unoptimised until the runtime gets round to recompiling it, which on a busy two-core server took most of the request.
    /// </summary>
    private sealed class DomainScoreTable
    {
        private UInt128[] _keys = new UInt128[1 << 12];
        private DomainScore?[] _scores = new DomainScore?[1 << 12];
        private int _count;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public DomainScore? Find(UInt128 key)
        {
            var mask = _keys.Length - 1;
            for (var i = SlotOf(key, mask); _scores[i] is { } score; i = (i + 1) & mask)
            {
                if (_keys[i] == key)
                {
                    return score;
                }
            }

            return null;
        }

        /// <summary>Adds a key that <see cref="Find"/> did not find.</summary>
        public void Add(UInt128 key, DomainScore score)
        {
            // At most half full, so that a search meets an empty slot soon.
            if (2 * (_count + 1) > _keys.Length)
            {
                var (keys, scores) = (_keys, _scores);
                (_keys, _scores) = (new UInt128[keys.Length * 2], new DomainScore?[keys.Length * 2]);
                for (var i = 0; i < keys.Length; i++)
                {
                    if (scores[i] is { } kept)
                    {
                        Place(keys[i], kept);
                    }
                }
            }

            Place(key, score);
            _count++;
        }

        // Both halves multiplied in, then the high bits folded down: small ids in any position change the slot.
        private static int SlotOf(UInt128 key, int mask)
        {
            var hash = ((ulong)key * 0x9E3779B97F4A7C15UL) ^ ((ulong)(key >> 64) * 0xC2B2AE3D27D4EB4FUL);
            return (int)((hash ^ (hash >> 32)) & (uint)mask);
        }

        private void Place(UInt128 key, DomainScore score)
        {
            var mask = _keys.Length - 1;
            var i = SlotOf(key, mask);
            while (_scores[i] is not null)
            {
                i = (i + 1) & mask;
            }

            (_keys[i], _scores[i]) = (key, score);
        }
    }
}
