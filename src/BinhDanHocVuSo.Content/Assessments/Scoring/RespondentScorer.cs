namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>Scores one respondent's answers against a survey definition (spec section c). Pure: no I/O.</summary>
public static class RespondentScorer
{
    /// <summary>Scores every competence and domain of the survey and sets the quality flags.</summary>
    /// <exception cref="ArgumentException">A rating is outside its scale (a bug in whatever stored it).</exception>
    public static RespondentScores Score(SurveyDefinition survey, RespondentAnswers answers)
    {
        var plan = ScoringPlan.Of(survey);
        var scale = LevelScale.Of(survey);
        var competences = plan.Competences.Select(c => ScoreCompetence(survey, scale, c, answers)).ToList();
        var domains = plan.DomainIds.Select(d => ScoreDomain(survey, plan, scale, d, competences, answers)).ToList();
        return new RespondentScores(answers.RespondentId, answers.Background, survey.Version, competences, domains, Flags(survey, answers));
    }

    /// <summary>The attention-check and speed flags of a respondent.</summary>
    public static RespondentFlags Flags(SurveyDefinition survey, RespondentAnswers answers)
    {
        // A respondent who stopped before the check is not judged on it: only a different answer fails it.
        var failed = survey.Items.OfType<AttentionCheckItem>()
            .Any(check => answers.Ratings.TryGetValue(check.Id, out var code) && code != check.ExpectedCode);
        var tooFast = answers.SecondsSpent is { } seconds && answers.AnsweredCount > 0
            && seconds / answers.AnsweredCount < survey.Reporting.MinSecondsPerItem;
        return new RespondentFlags(failed, tooFast);
    }

    /// <summary>Whether a knowledge question was answered with its correct option; blank and "Tôi không biết" are wrong.</summary>
    public static bool IsCorrect(KnowledgeItem item, RespondentAnswers answers) =>
        answers.Choices.TryGetValue(item.Id, out var option) && option == item.CorrectOptionId;

    private static CompetenceScore ScoreCompetence(SurveyDefinition survey, LevelScale scale, CompetencePlan plan, RespondentAnswers answers)
    {
        var rules = survey.Scoring;
        var (answered, self) = SelfScore(survey, plan, answers);
        double? knowledge = plan.KnowledgeItems.Count == 0 ? null
            : plan.KnowledgeItems.Count(k => IsCorrect(k, answers)) / (double)plan.KnowledgeItems.Count;
        double? score = self is null ? null
            : knowledge is null ? self
            : (rules.SelfWeight * self.Value) + (rules.KnowledgeWeight * knowledge.Value);
        double? level = score is null ? null : scale.LevelOf(score.Value);
        var target = survey.Targets.TargetFor(answers.Background.RoleId, plan.CompetenceId);
        double? gap = level is null || target is null ? null : Math.Max(0, target.Value - level.Value);
        return new CompetenceScore(
            plan.CompetenceId, plan.DomainId, answered, self, knowledge, score,
            score is null ? null : scale.BandOf(score.Value), level, target, gap,
            IsOverconfident(rules, self, knowledge));
    }

    private static (int Answered, double? Score) SelfScore(SurveyDefinition survey, CompetencePlan plan, RespondentAnswers answers)
    {
        var sum = 0.0;
        var max = 0.0;
        var answered = 0;
        foreach (var item in plan.SelfItems)
        {
            if (!answers.Ratings.TryGetValue(item.Id, out var code))
            {
                continue;
            }

            var maxCode = survey.FindScale(item.ScaleId)?.MaxCode ?? 0;
            if (code < 0 || code > maxCode)
            {
                throw new ArgumentException($"respondent '{answers.RespondentId}': item '{item.Id}' has code {code}, outside its scale 0–{maxCode}", nameof(answers));
            }

            sum += code;
            max += maxCode;
            answered++;
        }

        var enough = answered > 0 && answered >= (survey.Scoring.MinAnsweredShare * plan.SelfItems.Count) - LevelScale.Tolerance;
        return (answered, enough ? sum / max : null);
    }

    private static bool IsOverconfident(ScoringRules rules, double? self, double? knowledge) =>
        self is not null && knowledge is not null && self.Value - knowledge.Value >= rules.OverconfidenceGap - LevelScale.Tolerance;

    private static DomainScore ScoreDomain(
        SurveyDefinition survey, ScoringPlan plan, LevelScale scale, string domainId, IReadOnlyList<CompetenceScore> competences, RespondentAnswers answers)
    {
        var inDomain = competences.Where(c => c.DomainId == domainId).ToList();
        var score = MeanOrNull(inDomain.Select(c => c.Score));
        var self = MeanOrNull(inDomain.Select(c => c.SelfScore));
        var questions = plan.KnowledgeItems.Where(k => ScoringPlan.DomainOf(survey, k) == domainId).ToList();
        double? knowledge = questions.Count == 0 ? null : questions.Count(k => IsCorrect(k, answers)) / (double)questions.Count;
        var target = MeanOrNull(inDomain.Where(c => c.Score is not null).Select(c => (double?)c.Target));
        return new DomainScore(
            domainId, score, score is null ? null : scale.BandOf(score.Value), score is null ? null : scale.LevelOf(score.Value),
            self, knowledge, target, IsOverconfident(survey.Scoring, self, knowledge));
    }

    private static double? MeanOrNull(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToList();
        return present.Count == 0 ? null : present.Average();
    }
}
