using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Assessments.Reports;
using BinhDanHocVuSo.Content.Assessments.Scoring;
using BinhDanHocVuSo.Web.Data;

namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>A submitted response as group reports read it: whose it is, their background, their tally (as stored) and item values.</summary>
/// <remarks>The tally stays in its bytes until it is scored: 100,000 decoded tallies would hold some 50 MB more while the report is built.</remarks>
public sealed record ScoredResponse(Guid RespondentId, RespondentBackground Background, byte[] Tally, RespondentItems Items);

/// <summary>
/// The scores kept on a submitted response row (<see cref="SurveyResponseRow.ScoredWith"/> and the columns after it):
/// counted once from the answers, with the definition of the version answered, and read back by group reports.
/// </summary>
static class StoredScores
{
    /// <summary>Counts the answers into the row's score columns, and returns what they hold.</summary>
    public static (byte[] Tally, RespondentItems Items) Keep(SurveyResponseRow row, SurveyDefinition survey, string layout, RespondentAnswers answers)
    {
        var tally = RespondentScorer.Tally(survey, answers);
        var items = new RespondentItems(ItemValues.Of(survey, answers), Flags(tally.Flags.FailedAttentionCheck, tally.Flags.TooFast));
        row.ScoredWith = layout;
        row.Tally = tally.ToBytes();
        row.ItemValues = items.Values;
        row.FailedAttentionCheck = tally.Flags.FailedAttentionCheck;
        row.TooFast = tally.Flags.TooFast;
        return (row.Tally, items);
    }

    /// <summary>Whether kept scores fit the plan and survey they are read for (their layout fingerprint matched).</summary>
    public static bool Fit(byte[]? tally, byte[]? itemValues, ScoringPlan plan, int items) =>
        tally?.Length == RespondentTally.ByteCount(plan) && itemValues?.Length == items;

    /// <summary>Flags as stored: one object for each of the four combinations, not one per response.</summary>
    public static RespondentFlags Flags(bool failedAttentionCheck, bool tooFast) => _flags[(failedAttentionCheck ? 2 : 0) + (tooFast ? 1 : 0)];

    static readonly RespondentFlags[] _flags = [new(false, false), new(false, true), new(true, false), new(true, true)];
}
