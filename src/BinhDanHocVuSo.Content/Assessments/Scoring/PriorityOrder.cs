using System.Globalization;

namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>
/// The order of the priority list (spec section d): P↓, p↓, Ḡ⁺↓, then the survey's domain order, then competence id↑.
/// </summary>
/// <remarks>
/// P, p and Ḡ⁺ are products and means of decimal fractions, so two needs that are equal on paper can differ in the last
/// bit; values within <see cref="LevelScale.Tolerance"/> count as tied so that the documented tie-breaks decide.
/// </remarks>
public sealed class PriorityOrder(IReadOnlyList<string> domainOrder) : IComparer<CompetenceNeed>
{
    /// <inheritdoc />
    public int Compare(CompetenceNeed? x, CompetenceNeed? y)
    {
        if (x is null || y is null)
        {
            return (x is null).CompareTo(y is null);
        }

        return Descending(x.Priority, y.Priority) is not 0 and var byPriority ? byPriority
            : Descending(x.ShareBelowTarget, y.ShareBelowTarget) is not 0 and var byShare ? byShare
            : Descending(x.MeanGapBelowTarget, y.MeanGapBelowTarget) is not 0 and var byGap ? byGap
            : DomainRank(x.DomainId).CompareTo(DomainRank(y.DomainId)) is not 0 and var byDomain ? byDomain
            : CompareIds(x.CompetenceId, y.CompetenceId);
    }

    private static int Descending(double x, double y) => Math.Abs(x - y) <= LevelScale.Tolerance ? 0 : y.CompareTo(x);

    private int DomainRank(string domainId)
    {
        var index = domainOrder.ToList().IndexOf(domainId);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>Competence ids compare part by part as numbers, so "1.10" comes after "1.9".</summary>
    private static int CompareIds(string x, string y)
    {
        var xs = x.Split('.');
        var ys = y.Split('.');
        for (var i = 0; i < Math.Min(xs.Length, ys.Length); i++)
        {
            var byPart = int.TryParse(xs[i], NumberStyles.None, CultureInfo.InvariantCulture, out var a)
                && int.TryParse(ys[i], NumberStyles.None, CultureInfo.InvariantCulture, out var b)
                ? a.CompareTo(b)
                : string.CompareOrdinal(xs[i], ys[i]);
            if (byPart != 0)
            {
                return byPart;
            }
        }

        return xs.Length.CompareTo(ys.Length);
    }
}
