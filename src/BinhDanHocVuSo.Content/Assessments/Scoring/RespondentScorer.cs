namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>Scores one respondent's answers against a survey definition (spec section c). Pure: no I/O.</summary>
public static class RespondentScorer
{
    /// <summary>Scores every competence and domain of the survey and sets the quality flags.</summary>
    /// <exception cref="ArgumentException">A rating is outside its scale (a bug in whatever stored it).</exception>
    public static RespondentScores Score(SurveyDefinition survey, RespondentAnswers answers) =>
        new TallyScorer(survey).Score(answers.RespondentId, answers.Background, Tally(survey, answers));

    /// <summary>Reduces the answers to what the scores are computed from: the part of scoring that reads every answer.</summary>
    /// <exception cref="ArgumentException">A rating is outside its scale (a bug in whatever stored it).</exception>
    public static RespondentTally Tally(SurveyDefinition survey, RespondentAnswers answers)
    {
        var plan = ScoringPlan.Of(survey);
        var competences = plan.Competences.Select(c => TallyCompetence(survey, c, answers)).ToList();
        var domains = plan.DomainIds
            .Select(d => plan.KnowledgeItems.Count(k => ScoringPlan.DomainOf(survey, k) == d && IsCorrect(k, answers)))
            .ToList();
        return new RespondentTally(competences, domains, Flags(survey, answers));
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

    private static CompetenceTally TallyCompetence(SurveyDefinition survey, CompetencePlan plan, RespondentAnswers answers)
    {
        var points = 0;
        var maxPoints = 0;
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

            points += code;
            maxPoints += maxCode;
            answered++;
        }

        return new CompetenceTally(answered, points, maxPoints, plan.KnowledgeItems.Count(k => IsCorrect(k, answers)));
    }
}
