namespace BinhDanHocVuSo.Content.Assessments.Reports;

/// <summary>Why a report cell is hidden.</summary>
public enum SuppressionReason
{
    /// <summary>The cell is shown.</summary>
    None,

    /// <summary>Fewer respondents than the survey's minimum cell size.</summary>
    TooFewRespondents,

    /// <summary>Hidden as well so that a hidden neighbour cannot be worked out from a shown total.</summary>
    Complementary,
}

/// <summary>
/// One figure of a group report: a value, or a hidden cell with its reason and the Vietnamese note to show instead,
/// e.g. "ẩn (ít hơn 5 người)". A hidden cell carries neither its value nor its number of respondents.
/// </summary>
/// <param name="Value">The figure, or null when hidden or when there is nothing to show (no respondent answered).</param>
/// <param name="Reason">Why it is hidden; <see cref="SuppressionReason.None"/> when shown.</param>
/// <param name="Note">Vietnamese text to show in place of a hidden value; null when shown.</param>
public sealed record ReportCell(double? Value, SuppressionReason Reason, string? Note)
{
    /// <summary>Whether the cell is hidden.</summary>
    public bool Suppressed => Reason != SuppressionReason.None;

    /// <summary>A shown cell.</summary>
    public static ReportCell Shown(double? value) => new(value, SuppressionReason.None, null);
}
