namespace BinhDanHocVuSo.Content.Assessments.Reports;

/// <summary>
/// The small-cell rules of a survey definition: never show a cell of fewer than k respondents, round percentages of
/// small cells, and hide one more sub-cell when exactly one sub-cell of a shown total is hidden. Pure.
/// </summary>
/// <remarks>
/// A cell's size is the number of respondents its figure is computed from (e.g. the members of a group with a level
/// for the competence), not the numerator of a percentage: "30 % below target" of 12 people is a cell of 12.
/// </remarks>
public sealed class CellPrivacy(PrivacyRules rules)
{
    /// <summary>The rules in force.</summary>
    public PrivacyRules Rules => rules;

    /// <summary>Note shown for a cell of fewer than k respondents.</summary>
    public string TooFewNote => $"ẩn (ít hơn {rules.MinCellSize} người)";

    /// <summary>Note shown for a cell hidden to protect a hidden neighbour.</summary>
    public const string ComplementaryNote = "ẩn (để không suy ra được ô bị ẩn khác)";

    /// <summary>Whether a cell of <paramref name="respondents"/> may be shown.</summary>
    public bool CanShow(int respondents) => respondents >= rules.MinCellSize;

    /// <summary>A figure computed from <paramref name="respondents"/> people, hidden when they are too few.</summary>
    public ReportCell Value(double? value, int respondents) => CanShow(respondents) ? ReportCell.Shown(value) : Hidden(SuppressionReason.TooFewRespondents);

    /// <summary>
    /// A share (0–1) as a percentage (0–100), hidden when too few, rounded to the survey's step (10 %) when the cell is
    /// smaller than the rounding limit (10), half away from zero.
    /// </summary>
    public ReportCell Percent(double share, int respondents)
    {
        if (!CanShow(respondents))
        {
            return Hidden(SuppressionReason.TooFewRespondents);
        }

        var percent = share * 100;
        return ReportCell.Shown(respondents < rules.RoundPercentBelowN
            ? Math.Round(percent / rules.RoundPercentTo, MidpointRounding.AwayFromZero) * rules.RoundPercentTo
            : percent);
    }

    /// <summary>A hidden cell with the note for its reason.</summary>
    public ReportCell Hidden(SuppressionReason reason) => reason switch
    {
        SuppressionReason.TooFewRespondents => new ReportCell(null, reason, TooFewNote),
        SuppressionReason.Complementary => new ReportCell(null, reason, ComplementaryNote),
        _ => ReportCell.Shown(null),
    };

    /// <summary>
    /// Complementary suppression: when the total is shown and exactly one sub-cell is hidden, the shown sub-cell with the
    /// fewest respondents (the first of them on a tie) is hidden too, so the hidden one cannot be worked out by subtraction.
    /// </summary>
    /// <param name="totalShown">Whether the total the sub-cells add up to is shown.</param>
    /// <param name="subCells">The sub-cells with their sizes, in display order.</param>
    /// <returns>The sub-cells, with at most one more hidden.</returns>
    public IReadOnlyList<ReportCell> SuppressComplement(bool totalShown, IReadOnlyList<(ReportCell Cell, int Respondents)> subCells)
    {
        var cells = subCells.Select(s => s.Cell).ToList();
        if (!totalShown || cells.Count(c => c.Suppressed) != 1)
        {
            return cells;
        }

        var smallest = subCells
            .Select((sub, index) => (sub, index))
            .Where(x => !x.sub.Cell.Suppressed)
            .OrderBy(x => x.sub.Respondents)
            .ThenBy(x => x.index)
            .Select(x => (int?)x.index)
            .FirstOrDefault();
        if (smallest is { } i)
        {
            cells[i] = Hidden(SuppressionReason.Complementary);
        }

        return cells;
    }
}
