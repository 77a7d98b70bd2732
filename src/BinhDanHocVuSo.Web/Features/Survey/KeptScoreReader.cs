using System.Runtime.CompilerServices;

namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>
/// Scores the rows that <see cref="SurveyStore.ScoredAsync"/> reads, one at a time, from the scores kept on them; the ids
/// of rows without fitting kept scores are left in <see cref="Unscored"/>, to be counted from their answers.
/// </summary>
/// <param name="known">Responses already scored, skipped when met.</param>
sealed class KeptScoreReader(TallyScorer scorer, int items, bool withItems, IReadOnlySet<Guid>? known)
{
    /// <summary>Joins commune, role and age band in one column: a character none of their ids has.</summary>
    public const char BackgroundSeparator = '\t';

    // Item values side by side in large blocks rather than one small array per row: the quality panel reads them all
    // in one pass, which then runs through contiguous memory.
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
    public static RespondentFlags? FlagsOf(int state) => state < 4 ? null : CountedScores.FlagsOf((state & 2) != 0, (state & 1) != 0);

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
    public void Add(Guid id, Guid respondentId, RespondentBackground background, CountedScores scores)
    {
        Ids.Add(id);
        Members.Add(scorer.Score(respondentId.ToString(), background, scores.Tally, scores.Flags));
        if (withItems)
        {
            Items.Add(scores.Items);
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
