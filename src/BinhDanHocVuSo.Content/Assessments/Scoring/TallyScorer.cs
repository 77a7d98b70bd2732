namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>
/// Turns tallies (<see cref="RespondentTally"/>) into scores for one survey version: the level, band, target, gap and
/// overconfidence of every competence and domain (spec section c). Competence scores are immutable and depend only on
/// the competence, the role and the tally, so each is computed once and shared: 100,000 respondents need a few thousand
/// of them, not millions. One instance per report or respondent; not thread-safe.
/// </summary>
public sealed class TallyScorer
{
    private readonly SurveyDefinition _survey;
    private readonly LevelScale _scale;
    private readonly int[][] _competencesOfDomain;
    private readonly int[] _knowledgeOfDomain;
    private readonly Dictionary<string, int> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Competence, int Role, CompetenceTally Tally), CompetenceScore> _competenceScores = [];

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

        if (!_roles.TryGetValue(background.RoleId, out var role))
        {
            role = _roles.Count;
            _roles.Add(background.RoleId, role);
        }

        var competences = new CompetenceScore[Plan.Competences.Count];
        for (var i = 0; i < competences.Length; i++)
        {
            var key = (i, role, tally.Competences[i]);
            if (!_competenceScores.TryGetValue(key, out var score))
            {
                score = ScoreCompetence(Plan.Competences[i], background.RoleId, tally.Competences[i]);
                _competenceScores.Add(key, score);
            }

            competences[i] = score;
        }

        // Domain scores are not shared: four or five competences of a domain make nearly every respondent's combination new.
        var domains = new DomainScore[Plan.DomainIds.Count];
        for (var d = 0; d < domains.Length; d++)
        {
            domains[d] = ScoreDomain(d, competences, tally.DomainKnowledgeCorrect[d]);
        }

        return new RespondentScores(respondentId, background, _survey.Version, competences, domains, tally.Flags);
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
}
