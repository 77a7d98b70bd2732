namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>
/// A respondent's answers as one byte per item, in survey item order, for statistics over many respondents (the quality
/// panel): the code of a statement or attention check, or <see cref="Unanswered"/>; 1 or 0 for a knowledge question
/// answered correctly or not (blank and "Tôi không biết" are wrong).
/// </summary>
public static class ItemValues
{
    /// <summary>The value of a statement or attention check left blank.</summary>
    public const byte Unanswered = byte.MaxValue;

    /// <summary>The item values of one respondent's answers.</summary>
    /// <exception cref="ArgumentException">A code that is negative or does not fit a byte (a bug in whatever stored it).</exception>
    public static byte[] Of(SurveyDefinition survey, RespondentAnswers answers) => [.. survey.Items.Select(item => ValueOf(item, answers))];

    private static byte ValueOf(SurveyItem item, RespondentAnswers answers)
    {
        if (item is KnowledgeItem question)
        {
            return RespondentScorer.IsCorrect(question, answers) ? (byte)1 : (byte)0;
        }

        if (!answers.Ratings.TryGetValue(item.Id, out var code))
        {
            return Unanswered;
        }

        return code is >= 0 and < Unanswered ? (byte)code
            : throw new ArgumentException($"respondent '{answers.RespondentId}': item '{item.Id}' has code {code}", nameof(answers));
    }
}
