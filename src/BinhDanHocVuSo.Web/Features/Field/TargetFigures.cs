using Orleans.Concurrency;

namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>One week of a target's trend: the people counted by the end of week <see cref="Number"/> (week 1 starts on the target's first day).</summary>
/// <param name="Through">The week's last day in Vietnam, or today for the week under way.</param>
[GenerateSerializer, Immutable]
public sealed record TrendWeek([property: Id(0)] int Number, [property: Id(1)] DateOnly Through, [property: Id(2)] int Count);

/// <summary>A line of a progress table as kept: its key in the privacy tree, what it is called, the base and the count.</summary>
[GenerateSerializer, Immutable]
public sealed record FigureLine(
    [property: Id(0)] string Key,
    [property: Id(1)] string Label,
    [property: Id(2)] int? Base,
    [property: Id(3)] int Count,
    [property: Id(4)] bool Hidden);

/// <summary>
/// What one level of a target shows (the province, a commune or a team): its lines, its total, the total's trend week by
/// week and how many of its people were helped by a team (<see cref="Assisted"/>). Figures the privacy rule hides are
/// left out here, not only on the page: a hidden total has no trend, a hidden assisted share no number.
/// </summary>
/// <param name="Assisted">Finishers who are assisted people; null when hidden or when the target has none (the survey).</param>
/// <param name="AssistedHidden">Whether the assisted figure exists but is hidden.</param>
[GenerateSerializer, Immutable]
public sealed record FiguresView(
    [property: Id(0)] DateTime CountedAt,
    [property: Id(1)] IReadOnlyList<FigureLine> Lines,
    [property: Id(2)] FigureLine Total,
    [property: Id(3)] IReadOnlyList<TrendWeek> Trend,
    [property: Id(4)] int? Assisted,
    [property: Id(5)] bool AssistedHidden);

/// <summary>A village's figures (or the commune's learners who chose no village): people counted, of them assisted, and the count at each trend week's end.</summary>
public sealed record VillageFigure(string Key, string Name, int? Base, int Count, int Assisted, int[] Weeks);

public sealed record CommuneFigure(string Key, string Name, int? Base, int Count, int Assisted, int[] Weeks, IReadOnlyList<VillageFigure> Villages);

/// <summary>
/// Every figure of one target's tree (the province's communes and their villages, or the target's commune), counted at
/// <see cref="CountedAt"/>, with what the privacy rule (<see cref="Disclosure"/>) hides: the people counted, and separately
/// the assisted among them and the others (so that neither an assisted figure nor the finishers minus it tells about fewer
/// than 5 people). <see cref="Weeks"/> are the trend's weeks; each figure's <c>Weeks</c> holds its count at their ends.
/// </summary>
public sealed record TargetFigures(
    DateTime CountedAt,
    string ProvinceKey,
    string ProvinceName,
    bool HasAssisted,
    IReadOnlyList<(int Number, DateOnly Through)> Weeks,
    IReadOnlyList<CommuneFigure> Communes)
{
    readonly Lazy<(IReadOnlySet<string> Counted, IReadOnlySet<string> Assisted, IReadOnlySet<string> Others)> _hidden = new(() => Decide(Communes, ProvinceKey));

    /// <summary>Keys whose count is hidden.</summary>
    public IReadOnlySet<string> Hidden => _hidden.Value.Counted;

    /// <summary>The most weeks a trend shows.</summary>
    public const int MaxWeeks = 12;

    static (IReadOnlySet<string>, IReadOnlySet<string>, IReadOnlySet<string>) Decide(IReadOnlyList<CommuneFigure> communes, string province)
    {
        IReadOnlySet<string> Tree(Func<int, int, int> figure) => Disclosure.Hidden(new Disclosure.Node(province, communes.Sum(c => figure(c.Count, c.Assisted)),
            [.. communes.Select(c => new Disclosure.Node(c.Key, figure(c.Count, c.Assisted), [.. c.Villages.Select(v => Disclosure.Node.Leaf(v.Key, figure(v.Count, v.Assisted)))]))]));
        return (Tree((count, _) => count), Tree((_, assisted) => assisted), Tree((count, assisted) => count - assisted));
    }

    /// <summary>
    /// The trend's weeks of a target at <paramref name="now"/>: week 1 begins on the target's first day; the last is the
    /// week under way (through today); at most <see cref="MaxWeeks"/>, the latest.
    /// </summary>
    public static IReadOnlyList<(int Number, DateOnly Through)> WeeksOf(DateOnly startsOn, DateTime now)
    {
        var today = VietnamClock.DayOf(now);
        var current = today < startsOn ? 1 : (today.DayNumber - startsOn.DayNumber) / 7 + 1;
        return [.. Enumerable.Range(Math.Max(1, current - MaxWeeks + 1), Math.Min(current, MaxWeeks))
            .Select(k => (k, k == current ? today : startsOn.AddDays(7 * k - 1)))];
    }

    /// <summary>The province: one line per commune.</summary>
    public FiguresView Province() =>
        View([.. Communes.Select(c => Line(c.Key, c.Name, c.Base, c.Count))], ProvinceKey, ProvinceName,
            Communes.All(c => c.Base is not null) ? Communes.Sum(c => c.Base) : null,
            Communes.Sum(c => c.Count), Communes.Sum(c => c.Assisted), Sum(Communes.Select(c => c.Weeks)), Assisted(ProvinceKey));

    /// <summary>A commune: one line per village and one for its learners who chose no village; null when the commune is not in the tree.</summary>
    public FiguresView? Commune(string commune) => Communes.FirstOrDefault(c => c.Key == commune) is not { } figure ? null
        : View([.. figure.Villages.Select(v => Line(v.Key, v.Name, v.Base, v.Count))], figure.Key, figure.Name, figure.Base, figure.Count,
            figure.Assisted, figure.Weeks, Assisted(figure.Key));

    /// <summary>
    /// A team: the lines of its villages as the commune shows them, and their sum, shown only when each of them is (and, for
    /// the assisted share, when each village's assisted and other figures are).
    /// </summary>
    public FiguresView? Team(string commune, string key, string name, IReadOnlyCollection<string> villages)
    {
        if (Communes.FirstOrDefault(c => c.Key == commune) is not { } figure)
        {
            return null;
        }
        var covered = figure.Villages.Where(v => villages.Contains(v.Key)).ToList();
        var count = covered.Sum(v => v.Count);
        var assisted = covered.Sum(v => v.Assisted);
        var hidden = covered.Any(v => Hidden.Contains(v.Key)) || Disclosure.Small(count);
        var (_, assistedHidden, othersHidden) = _hidden.Value;
        var assistedShown = !hidden && !covered.Any(v => assistedHidden.Contains(v.Key) || othersHidden.Contains(v.Key))
            && !Disclosure.Small(assisted) && !Disclosure.Small(count - assisted);
        var total = new FigureLine(key, name, covered.All(v => v.Base is not null) ? covered.Sum(v => v.Base) : null, count, hidden);
        return new FiguresView(CountedAt, [.. covered.Select(v => Line(v.Key, v.Name, v.Base, v.Count))], total,
            hidden ? [] : Trend(Sum(covered.Select(v => v.Weeks))), HasAssisted && assistedShown ? assisted : null, HasAssisted && !assistedShown);
    }

    FigureLine Line(string key, string label, int? @base, int count) => new(key, label, @base, count, Hidden.Contains(key));

    bool Assisted(string key)
    {
        var (counted, assisted, others) = _hidden.Value;
        return !counted.Contains(key) && !assisted.Contains(key) && !others.Contains(key);
    }

    FiguresView View(IReadOnlyList<FigureLine> lines, string key, string label, int? @base, int count, int assisted, int[] weeks, bool assistedShown)
    {
        var total = Line(key, label, @base, count);
        return new FiguresView(CountedAt, lines, total, total.Hidden ? [] : Trend(weeks),
            HasAssisted && assistedShown ? assisted : null, HasAssisted && !assistedShown);
    }

    IReadOnlyList<TrendWeek> Trend(int[] counts) => [.. Weeks.Select((w, i) => new TrendWeek(w.Number, w.Through, counts[i]))];

    int[] Sum(IEnumerable<int[]> series)
    {
        var sum = new int[Weeks.Count];
        foreach (var weeks in series)
        {
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += weeks[i];
            }
        }
        return sum;
    }
}
