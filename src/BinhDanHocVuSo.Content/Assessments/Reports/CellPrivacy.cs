namespace BinhDanHocVuSo.Content.Assessments.Reports;

/// <summary>
/// The small-cell rules of a survey definition: never show a cell of fewer than k respondents, and round the percentages
/// and means of small cells. Which further cells differencing would reveal is decided by <see cref="DisclosurePlan"/>. Pure.
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

    /// <summary>
    /// A mean on the level scale (a level, a target, a gap, a priority), hidden when too few, rounded to a whole level
    /// when the cell is smaller than the rounding limit (10), half away from zero.
    /// </summary>
    public ReportCell Mean(double? value, int respondents) =>
        !CanShow(respondents) ? Hidden(SuppressionReason.TooFewRespondents)
        : ReportCell.Shown(respondents < rules.RoundPercentBelowN && value is { } v ? Math.Round(v, MidpointRounding.AwayFromZero) : value);

    /// <summary>
    /// A mean score on the 0–1 scale (self or knowledge score), hidden when too few, rounded to the percentage step (0.1)
    /// when the cell is smaller than the rounding limit.
    /// </summary>
    public ReportCell Score(double? value, int respondents)
    {
        if (!CanShow(respondents))
        {
            return Hidden(SuppressionReason.TooFewRespondents);
        }

        var step = rules.RoundPercentTo / 100.0;
        return ReportCell.Shown(respondents < rules.RoundPercentBelowN && value is { } v ? Math.Round(Math.Round(v / step, MidpointRounding.AwayFromZero) * step, 6) : value);
    }

    /// <summary>A hidden cell: too few when <paramref name="respondents"/> is under k, else hidden so that differencing reveals no one.</summary>
    public ReportCell HiddenFor(int respondents) => Hidden(CanShow(respondents) ? SuppressionReason.Complementary : SuppressionReason.TooFewRespondents);

    /// <summary>A hidden cell with the note for its reason.</summary>
    public ReportCell Hidden(SuppressionReason reason) => reason switch
    {
        SuppressionReason.TooFewRespondents => new ReportCell(null, reason, TooFewNote),
        SuppressionReason.Complementary => new ReportCell(null, reason, ComplementaryNote),
        _ => ReportCell.Shown(null),
    };
}
