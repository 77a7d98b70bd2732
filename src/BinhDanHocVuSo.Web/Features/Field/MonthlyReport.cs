using System.Text.RegularExpressions;

namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>A calendar month as the report's address writes it (<c>2026-11</c>); it ends when the month ends in Vietnam.</summary>
public readonly partial record struct ReportMonth(int Year, int Month)
{
    public static ReportMonth Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>Reads <c>yyyy-MM</c> and nothing else (no day, no spaces), for a year from 2000 to 2999.</summary>
    public static bool TryParse(string? text, out ReportMonth month)
    {
        month = default;
        if (text is null || !Shape().IsMatch(text))
        {
            return false;
        }
        var year = int.Parse(text[..4], CultureInfo.InvariantCulture);
        var number = int.Parse(text[5..], CultureInfo.InvariantCulture);
        if (number is < 1 or > 12)
        {
            return false;
        }
        month = new ReportMonth(year, number);
        return true;
    }

    public DateOnly LastDay => new DateOnly(Year, Month, 1).AddMonths(1).AddDays(-1);

    /// <summary>The first UTC instant of the next month in Vietnam: what happened before it counts.</summary>
    public DateTime UntilUtc => VietnamClock.EndOfDayUtc(LastDay);

    public bool IsAfter(ReportMonth other) => (Year, Month).CompareTo((other.Year, other.Month)) > 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    [GeneratedRegex(@"^2\d{3}-\d{2}$")]
    private static partial Regex Shape();
}

/// <summary>One line of the report: a village (or "no village chosen") of a commune, a commune of the province, or the total.</summary>
/// <param name="Adults">The adult population the commune entered (null: not known).</param>
/// <param name="Registered">Accounts registered by the month's end, under the privacy rule.</param>
/// <param name="Targets">The line's figure for each target of <see cref="MonthlyReport.Targets"/>, null where the target has no figure at that level (a survey target has none per village).</param>
public sealed record ReportLine(string Key, string Label, int? Adults, ProgressLine Registered, IReadOnlyList<ProgressLine?> Targets);

/// <summary>
/// The figures a commune (or the province) reports upward for a month: per village (per commune for the province) and in
/// total, the adults, the accounts registered, and for each target the learners who finished its course (or the officials
/// who took the survey) before the month ended, with the share. Every figure comes from <see cref="FieldProgress"/> with the
/// month's end as its cut-off, so it follows the same <see cref="Disclosure"/> tree as the progress pages.
/// </summary>
public sealed record MonthlyReport(ReportMonth Month, Commune? Commune, IReadOnlyList<TargetRow> Targets, IReadOnlyList<ReportLine> Lines, ReportLine Total)
{
    public static async Task<MonthlyReport> ReadAsync(FieldProgress progress, ReportMonth month, Commune? commune, CancellationToken cancellationToken)
    {
        var until = month.UntilUtc;
        var registeredTarget = new TargetRow { Kind = FieldProgress.RegisteredKind, Commune = null };
        Task<TargetProgress> Read(TargetRow target) => commune is null
            ? progress.ProvinceAsync(target, until, cancellationToken)
            : progress.CommuneAsync(target, commune.Id, until, cancellationToken);
        var registered = await Read(registeredTarget);
        var targets = await progress.TargetsAsync(commune?.Id, cancellationToken);
        var figures = new List<TargetProgress>();
        foreach (var target in targets)
        {
            figures.Add(await Read(target));
        }
        ReportLine Line(ProgressLine line, Func<TargetProgress, ProgressLine?> cell) =>
            new(line.Key, line.Label, line.Base, line, [.. figures.Select(cell)]);
        var lines = registered.Lines.Select(l => Line(l, f => f.Lines.FirstOrDefault(t => t.Key == l.Key))).ToList();
        return new MonthlyReport(month, commune, targets, lines, Line(registered.Total, f => f.Total));
    }
}
