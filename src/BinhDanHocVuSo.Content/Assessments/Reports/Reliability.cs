namespace BinhDanHocVuSo.Content.Assessments.Reports;

/// <summary>
/// Classical test statistics on a respondents × items matrix (rows are respondents, columns items; complete rows only).
/// Each returns null when the data cannot support it (fewer than two items or respondents, or no variance). Pure.
/// </summary>
public static class Reliability
{
    /// <summary>Cronbach's α = k/(k−1) · (1 − Σ var(item) / var(total)).</summary>
    public static double? CronbachAlpha(IReadOnlyList<IReadOnlyList<double>> rows) => ItemSums.Of(rows).CronbachAlpha();

    /// <summary>
    /// KR-20 for items scored 0/1: k/(k−1) · (1 − Σ p·q / var(total)), with p the share correct and the total's variance
    /// taken over respondents (divided by n, as p·q is).
    /// </summary>
    public static double? Kr20(IReadOnlyList<IReadOnlyList<double>> rows) => ItemSums.Of(rows).Kr20();

    /// <summary>
    /// Corrected item–total correlation of each item: Pearson r between the item and the sum of the other items (so the
    /// item does not correlate with itself). Null for an item or rest score without variance.
    /// </summary>
    public static IReadOnlyList<double?> CorrectedItemTotal(IReadOnlyList<IReadOnlyList<double>> rows) => ItemSums.Of(rows).CorrectedItemTotal();

    /// <summary>Difficulty of each item: its mean score, i.e. the share correct for 0/1 items.</summary>
    public static IReadOnlyList<double> Difficulty(IReadOnlyList<IReadOnlyList<double>> rows) => ItemSums.Of(rows).Difficulty();
}

/// <summary>
/// The sums a respondents × items matrix reduces to — n, and per item Σx, Σx² and Σx·T (T a row's total), with ΣT and ΣT² —
/// from which every statistic of <see cref="Reliability"/> follows. Rows are added one at a time and not kept, so a
/// province of respondents costs one pass and no list per item. Item values are codes and 0/1 marks, whole numbers whose
/// sums a double holds exactly, so the statistics are as exact as their last divisions.
/// </summary>
/// <remarks>
/// With n² var(x) = n·Σx² − (Σx)² and n² cov(x, T) = n·Σx·T − Σx·ΣT: the rest score T − x has
/// n² var = n² var(T) − 2 n² cov(x, T) + n² var(x) and n² cov(x, T − x) = n² cov(x, T) − n² var(x); the factor n² cancels
/// in every ratio below.
/// </remarks>
public sealed class ItemSums
{
    private readonly double[] _sum;
    private readonly double[] _squares;
    private readonly double[] _withTotal;
    private double _totalSum;
    private double _totalSquares;

    /// <summary>Empty sums for rows of <paramref name="items"/> values.</summary>
    public ItemSums(int items)
    {
        _sum = new double[items];
        _squares = new double[items];
        _withTotal = new double[items];
    }

    /// <summary>k: values per row.</summary>
    public int Items => _sum.Length;

    /// <summary>n: rows added.</summary>
    public int Respondents { get; private set; }

    /// <summary>The sums of the given rows.</summary>
    public static ItemSums Of(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        var sums = new ItemSums(rows.Count == 0 ? 0 : rows[0].Count);
        foreach (var row in rows)
        {
            sums.Add([.. row]);
        }

        return sums;
    }

    /// <summary>Adds one respondent's complete row.</summary>
    public void Add(ReadOnlySpan<double> row)
    {
        if (row.Length != Items)
        {
            throw new ArgumentException($"a row of {row.Length} values where {Items} were expected", nameof(row));
        }

        var total = 0.0;
        foreach (var value in row)
        {
            total += value;
        }

        for (var i = 0; i < row.Length; i++)
        {
            _sum[i] += row[i];
            _squares[i] += row[i] * row[i];
            _withTotal[i] += row[i] * total;
        }

        _totalSum += total;
        _totalSquares += total * total;
        Respondents++;
    }

    /// <summary>Cronbach's α = k/(k−1) · (1 − Σ var(item) / var(total)).</summary>
    public double? CronbachAlpha() => InternalConsistency(Variance);

    /// <summary>KR-20 for items scored 0/1: k/(k−1) · (1 − Σ p·q / var(total)); n² · p·q is on the same scale as the variances.</summary>
    public double? Kr20() => InternalConsistency(item => _sum[item] * (Respondents - _sum[item]));

    /// <summary>k/(k−1) · (1 − Σ spread(item) / var(total)), the form α and KR-20 share; null without two respondents, two items and a varying total.</summary>
    private double? InternalConsistency(Func<int, double> itemSpread)
    {
        var k = Items;
        var totalVariance = TotalVariance();
        if (Respondents < 2 || k < 2 || totalVariance <= 0)
        {
            return null;
        }

        var spread = 0.0;
        for (var i = 0; i < k; i++)
        {
            spread += itemSpread(i);
        }

        return k / (k - 1.0) * (1 - (spread / totalVariance));
    }

    /// <summary>Pearson r of each item with the sum of the other items; null for an item or rest score without variance.</summary>
    public IReadOnlyList<double?> CorrectedItemTotal()
    {
        var k = Items;
        var totalVariance = TotalVariance();
        var correlations = new double?[k];
        for (var i = 0; i < k && Respondents >= 2 && k >= 2; i++)
        {
            var variance = Variance(i);
            var withTotal = (Respondents * _withTotal[i]) - (_sum[i] * _totalSum);
            var restVariance = totalVariance - (2 * withTotal) + variance;
            correlations[i] = variance <= 0 || restVariance <= 0 ? null : (withTotal - variance) / Math.Sqrt(variance * restVariance);
        }

        return correlations;
    }

    /// <summary>Mean of each item (the share correct for 0/1 items); 0 when no row was added.</summary>
    public IReadOnlyList<double> Difficulty() => [.. _sum.Select(sum => Respondents == 0 ? 0 : sum / Respondents)];

    // n² times the variance (divided by n) of an item, and of the total.
    private double Variance(int item) => (Respondents * _squares[item]) - (_sum[item] * _sum[item]);

    private double TotalVariance() => (Respondents * _totalSquares) - (_totalSum * _totalSum);
}
