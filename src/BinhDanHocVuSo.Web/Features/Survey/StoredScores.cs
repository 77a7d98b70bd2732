using System.Data.Common;
using System.Runtime.CompilerServices;
using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Assessments.Reports;
using BinhDanHocVuSo.Content.Assessments.Scoring;
using BinhDanHocVuSo.Web.Data;

namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>Submitted responses as group reports read them: each respondent's scores, and their item values when asked for.</summary>
/// <param name="Members">The scores, with each respondent's background.</param>
/// <param name="Items">The item values of the same respondents in the same order, for the quality panel; null when not asked for.</param>
/// <param name="Ids">The ids of the responses read.</param>
public sealed record ScoredMembers(IReadOnlyList<RespondentScores> Members, IReadOnlyList<RespondentItems>? Items, IReadOnlySet<Guid> Ids)
{
    /// <summary>These and <paramref name="added"/> together.</summary>
    public ScoredMembers With(ScoredMembers added)
    {
        var ids = new HashSet<Guid>(Ids);
        ids.UnionWith(added.Ids);
        return new([.. Members, .. added.Members], Items is null || added.Items is null ? null : [.. Items, .. added.Items], ids);
    }
}

/// <summary>
/// Scores the rows that <see cref="SurveyStore.ScoredAsync"/> reads, one at a time, from their kept tallies; the ids of
/// rows without fitting kept scores are left in <see cref="Unscored"/>, to be counted from their answers.
/// </summary>
/// <param name="known">Responses already scored, skipped when met.</param>
sealed class ScoredRows(TallyScorer scorer, int items, bool withItems, IReadOnlySet<Guid>? known)
{
    /// <summary>Joins commune, role and age band in one column: a character none of their ids has.</summary>
    public const char BackgroundSeparator = '\t';

    // Item values side by side in large blocks: the quality panel reads them all, and one small array per row, scattered
    // over the heap among the reader's garbage, made its pass several times slower.
    const int RowsPerBlock = 4096;
    byte[] _block = [];
    int _used;

    // Officials share a few thousand backgrounds: one object each rather than one per response.
    readonly Dictionary<string, RespondentBackground> _backgrounds = new(StringComparer.Ordinal);

    public List<RespondentScores> Members { get; } = [];

    public List<RespondentItems> Items { get; } = [];

    public HashSet<Guid> Ids { get; } = [];

    /// <summary>Ids of the responses whose kept scores are missing or do not fit.</summary>
    public List<Guid> Unscored { get; } = [];

    /// <summary>
    /// The flags in the state column as the scores command computes it: 0 when no fitting scores are kept; else 4, plus
    /// 2 when the attention check failed, plus 1 when answered too fast.
    /// </summary>
    public static RespondentFlags? FlagsOf(int state) => state < 4 ? null : StoredScores.Flags((state & 2) != 0, (state & 1) != 0);

    /// <summary>Scores the reader's current row, selected as <see cref="SurveyStore"/>'s scores command lists its columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // Runs for every response of a report: no slow first tier.
    public void Add(DbDataReader reader)
    {
        var id = reader.GetGuid(0);
        if (known?.Contains(id) == true)
        {
            return;
        }
        if (FlagsOf(reader.GetInt32(3)) is not { } flags)
        {
            Unscored.Add(id);
            return;
        }
        Ids.Add(id);
        var joined = reader.GetString(2);
        if (!_backgrounds.TryGetValue(joined, out var background))
        {
            var parts = joined.Split(BackgroundSeparator);
            background = new RespondentBackground(parts[0], parts[1], parts[2]);
            _backgrounds.Add(joined, background);
        }
        Members.Add(scorer.Score(reader.GetGuid(1).ToString(), background, reader.GetFieldValue<byte[]>(4), flags));
        if (withItems)
        {
            Items.Add(new RespondentItems(Kept(reader.GetFieldValue<byte[]>(5)), flags));
        }
    }

    /// <summary>Adds a response scored from its answers.</summary>
    public void Add(Guid id, Guid respondentId, RespondentBackground background, byte[] tally, RespondentItems items)
    {
        Ids.Add(id);
        Members.Add(scorer.Score(respondentId.ToString(), background, tally, items.Flags));
        if (withItems)
        {
            Items.Add(items);
        }
    }

    ReadOnlyMemory<byte> Kept(byte[] values)
    {
        if (values.Length != items)
        {
            throw new ArgumentException($"{values.Length} item values for a survey of {items} items", nameof(values));
        }
        if (_used + items > _block.Length)
        {
            (_block, _used) = (new byte[items * RowsPerBlock], 0);
        }
        values.CopyTo(_block, _used);
        _used += items;
        return new ReadOnlyMemory<byte>(_block, _used - items, items);
    }
}

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
        var values = ItemValues.Of(survey, answers);
        var items = new RespondentItems(values, Flags(tally.Flags.FailedAttentionCheck, tally.Flags.TooFast));
        row.ScoredWith = layout;
        var bytes = tally.ToBytes();
        row.Tally = bytes;
        row.ItemValues = values;
        row.FailedAttentionCheck = tally.Flags.FailedAttentionCheck;
        row.TooFast = tally.Flags.TooFast;
        return (bytes, items);
    }

    /// <summary>Flags as stored: one object for each of the four combinations, not one per response.</summary>
    public static RespondentFlags Flags(bool failedAttentionCheck, bool tooFast) => _flags[(failedAttentionCheck ? 2 : 0) + (tooFast ? 1 : 0)];

    static readonly RespondentFlags[] _flags = [new(false, false), new(false, true), new(true, false), new(true, true)];
}
