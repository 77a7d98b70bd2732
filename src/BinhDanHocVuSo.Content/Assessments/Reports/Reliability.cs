namespace BinhDanHocVuSo.Content.Assessments.Reports;

/// <summary>
/// Classical test statistics on a respondents × items matrix (rows are respondents, columns items; complete rows only).
/// Each returns null when the data cannot support it (fewer than two items or respondents, or no variance). Pure.
/// </summary>
public static class Reliability
{
    /// <summary>Cronbach's α = k/(k−1) · (1 − Σ var(item) / var(total)).</summary>
    public static double? CronbachAlpha(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        var k = ItemCount(rows);
        if (rows.Count < 2 || k < 2)
        {
            return null;
        }

        var totalVariance = Variance(rows.Select(r => r.Sum()).ToList());
        if (totalVariance <= 0)
        {
            return null;
        }

        var itemVariances = Enumerable.Range(0, k).Sum(i => Variance(Column(rows, i)));
        return k / (k - 1.0) * (1 - (itemVariances / totalVariance));
    }

    /// <summary>
    /// KR-20 for items scored 0/1: k/(k−1) · (1 − Σ p·q / var(total)), with p the share correct and the total's variance
    /// taken over respondents (divided by n, as p·q is).
    /// </summary>
    public static double? Kr20(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        var k = ItemCount(rows);
        if (rows.Count < 2 || k < 2)
        {
            return null;
        }

        var totalVariance = Variance(rows.Select(r => r.Sum()).ToList());
        if (totalVariance <= 0)
        {
            return null;
        }

        var pq = Enumerable.Range(0, k).Select(i => Column(rows, i).Average()).Sum(p => p * (1 - p));
        return k / (k - 1.0) * (1 - (pq / totalVariance));
    }

    /// <summary>
    /// Corrected item–total correlation of each item: Pearson r between the item and the sum of the other items (so the
    /// item does not correlate with itself). Null for an item or rest score without variance.
    /// </summary>
    public static IReadOnlyList<double?> CorrectedItemTotal(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        var k = ItemCount(rows);
        return
        [
            .. Enumerable.Range(0, k).Select(i => rows.Count < 2 || k < 2
                ? null
                : Pearson(Column(rows, i), [.. rows.Select(r => r.Sum() - r[i])])),
        ];
    }

    /// <summary>Difficulty of each item: its mean score, i.e. the share correct for 0/1 items.</summary>
    public static IReadOnlyList<double> Difficulty(IReadOnlyList<IReadOnlyList<double>> rows) =>
        [.. Enumerable.Range(0, ItemCount(rows)).Select(i => rows.Count == 0 ? 0 : Column(rows, i).Average())];

    /// <summary>Pearson correlation, or null when either variable has no variance.</summary>
    public static double? Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        var sxy = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        var sxx = x.Sum(v => (v - mx) * (v - mx));
        var syy = y.Sum(v => (v - my) * (v - my));
        return sxx <= 0 || syy <= 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Variance over the values (divided by n). The ratios above are the same with n − 1, as long as it is used throughout.</summary>
    private static double Variance(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / values.Count;
    }

    private static List<double> Column(IReadOnlyList<IReadOnlyList<double>> rows, int index) => [.. rows.Select(r => r[index])];

    private static int ItemCount(IReadOnlyList<IReadOnlyList<double>> rows) => rows.Count == 0 ? 0 : rows[0].Count;
}
