namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>
/// What a response's answers add up to, counted with the definition of the version answered: what a submitted response's
/// row keeps (<see cref="SurveyResponseRow.ScoredWith"/> and the columns after it) and group reports score from.
/// </summary>
/// <param name="Tally">Per competence and domain, as <c>RespondentTally.ToBytes</c> writes it.</param>
/// <param name="ItemValues">One byte per item, for the quality panel.</param>
sealed record CountedScores(byte[] Tally, byte[] ItemValues, RespondentFlags Flags)
{
    /// <summary>Counts <paramref name="answers"/> with <paramref name="survey"/>.</summary>
    public static CountedScores Of(SurveyDefinition survey, RespondentAnswers answers)
    {
        var tally = RespondentScorer.Tally(survey, answers);
        return new(tally.ToBytes(), BinhDanHocVuSo.Content.Assessments.Scoring.ItemValues.Of(survey, answers), FlagsOf(tally.Flags.FailedAttentionCheck, tally.Flags.TooFast));
    }

    public RespondentItems Items => new(ItemValues, Flags);

    /// <summary>Sets <paramref name="row"/>'s score columns to these scores, counted under <paramref name="layout"/>.</summary>
    public void CopyTo(SurveyResponseRow row, string layout)
    {
        row.ScoredWith = layout;
        row.Tally = Tally;
        row.ItemValues = ItemValues;
        row.FailedAttentionCheck = Flags.FailedAttentionCheck;
        row.TooFast = Flags.TooFast;
    }

    /// <summary>Flags as stored: one object for each of the four combinations, not one per response.</summary>
    public static RespondentFlags FlagsOf(bool failedAttentionCheck, bool tooFast) => _flags[(failedAttentionCheck ? 2 : 0) + (tooFast ? 1 : 0)];

    static readonly RespondentFlags[] _flags = [new(false, false), new(false, true), new(true, false), new(true, true)];
}
