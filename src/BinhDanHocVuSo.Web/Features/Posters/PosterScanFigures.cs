namespace BinhDanHocVuSo.Web.Features.Posters;

/// <summary>One poster's scans: in each of the weeks shown (oldest first) and since it was placed.</summary>
public sealed record PosterScanLine(PosterRow Poster, IReadOnlyList<int> Weeks, int Total);

/// <summary>One commune's scans: how many posters it has, its scans in each week shown (oldest first) and in all.</summary>
public sealed record CommuneScanLine(string Commune, int Posters, IReadOnlyList<int> Weeks, int Total);

/// <summary>
/// The scans of a commune's posters (or the province's), per poster and per week. <see cref="Mondays"/> are the first
/// days of the weeks shown, oldest first; the last is the current week, counted so far.
/// </summary>
public sealed record PosterScanReport(IReadOnlyList<DateOnly> Mondays, IReadOnlyList<int> Weeks, IReadOnlyList<PosterScanLine> Posters,
    IReadOnlyList<CommuneScanLine> Communes)
{
    /// <summary>The ISO week number of a week shown (ISO weeks start on Monday).</summary>
    public static int WeekNumber(DateOnly monday) => ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue));
}

/// <summary>
/// Counts poster scans per poster and per week (ISO weeks, Monday to Sunday in Vietnam time). Scans are not people: a
/// count of scans says nothing about who scanned, so the fewer-than-5 rule (<see cref="Field.Disclosure"/>) does not apply
/// and every figure is shown as it is.
/// </summary>
public sealed class PosterScanFigures(AppDbContext db, VietnamClock clock)
{
    public const int WeeksShown = 8;

    /// <summary>The scans of one commune's posters, or of every poster of the province when <paramref name="commune"/> is null.</summary>
    public async Task<PosterScanReport> ReadAsync(string? commune, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var mondays = Enumerable.Range(0, WeeksShown).Select(i => thisMonday.AddDays(7 * (i - WeeksShown + 1))).ToList();
        // Each week from Monday 00:00 in Vietnam, in UTC as stored; the last ends next Monday.
        var b = mondays.Append(thisMonday.AddDays(7)).Select(m => VietnamClock.EndOfDayUtc(m.AddDays(-1))).ToArray();
        DateTime b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4], b5 = b[5], b6 = b[6], b7 = b[7], b8 = b[8];

        var posters = db.Posters().AsNoTracking().Where(p => commune == null || p.Commune == commune);
        // One pass over the scans of these posters, grouped by poster (the index on PosterCode, At), a conditional
        // count per week: plain comparisons that SQLite and PostgreSQL both run, and at most one row per poster.
        var counted = await (
            from s in db.PosterScans()
            join p in posters on s.PosterCode equals p.Code
            group s by s.PosterCode into g
            select new
            {
                Code = g.Key,
                Total = g.Count(),
                W0 = g.Count(s => s.At >= b0 && s.At < b1), W1 = g.Count(s => s.At >= b1 && s.At < b2),
                W2 = g.Count(s => s.At >= b2 && s.At < b3), W3 = g.Count(s => s.At >= b3 && s.At < b4),
                W4 = g.Count(s => s.At >= b4 && s.At < b5), W5 = g.Count(s => s.At >= b5 && s.At < b6),
                W6 = g.Count(s => s.At >= b6 && s.At < b7), W7 = g.Count(s => s.At >= b7 && s.At < b8),
            }).ToDictionaryAsync(c => c.Code, c => (Weeks: (int[])[c.W0, c.W1, c.W2, c.W3, c.W4, c.W5, c.W6, c.W7], c.Total), cancellationToken);

        var rows = await posters.OrderBy(p => p.Commune).ThenBy(p => p.Place).ToListAsync(cancellationToken);
        var none = new int[WeeksShown];
        var lines = rows.Select(p => counted.TryGetValue(p.Code, out var c) ? new PosterScanLine(p, c.Weeks, c.Total) : new PosterScanLine(p, none, 0)).ToList();
        var communes = lines.GroupBy(l => l.Poster.Commune, StringComparer.Ordinal)
            .Select(g => new CommuneScanLine(g.Key, g.Count(), Sum(g.Select(l => l.Weeks)), g.Sum(l => l.Total)))
            .ToList();
        return new PosterScanReport(mondays, Sum(lines.Select(l => l.Weeks)), lines, communes);
    }

    static int[] Sum(IEnumerable<IReadOnlyList<int>> weeks)
    {
        var sum = new int[WeeksShown];
        foreach (var week in weeks)
        {
            for (var i = 0; i < WeeksShown; i++)
            {
                sum[i] += week[i];
            }
        }
        return sum;
    }
}
