using BinhDanHocVuSo.Web.Features.Field;

namespace BinhDanHocVuSo.Web.Features.Visits;

/// <summary>
/// One line of the visits section: a village (or the total). Visits are not about people and are always shown; the
/// people helped and those without a phone are null where <see cref="Disclosure"/> hides them (their true count is kept
/// for the "&lt; 5" wording only).
/// </summary>
public sealed record VisitFigureLine(string Key, string Label, int VisitsThisMonth, int Visits, int People, int NoPhone, bool PeopleHidden, bool NoPhoneHidden);

public sealed record VisitFigures(IReadOnlyList<VisitFigureLine> Villages, VisitFigureLine Total);

/// <summary>
/// The teams' visits in a commune, per village: visits this month (in Vietnam) and in all, the people helped in them
/// and, of those, the people with no phone. A person counts once, in their own village, however many visits they had.
/// The people figures form one tree, decided once for the commune: the commune's people → each village's people → that
/// village's people with and without a phone; the commune's people without a phone → each village's. Whatever a reader
/// subtracts from what is shown leaves 0 or at least 5 people. A team's page shows its villages' lines of that same
/// decision, and a total only for figures shown in each of its villages.
/// </summary>
public sealed class VisitFigureReader(AppDbContext db, VietnamClock clock)
{
    public async Task<VisitFigures> ReadAsync(string commune, Guid? team, string totalLabel, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var month = new DateOnly(today.Year, today.Month, 1);
        var villages = await db.Villages().AsNoTracking().Where(v => v.Commune == commune).Select(v => new { v.Id, v.Name }).ToListAsync(cancellationToken);
        var visits = await db.Visits().Where(v => v.Commune == commune).GroupBy(v => v.VillageId)
            .Select(g => new { Village = g.Key, All = g.Count(), ThisMonth = g.Count(v => v.VisitedOn >= month) }).ToListAsync(cancellationToken);
        var helped = await db.AssistedPeople()
            .Where(p => p.Commune == commune && db.VisitPeople().Any(vp => vp.PersonId == p.UserId && db.Visits().Any(v => v.Id == vp.VisitId && v.Commune == commune)))
            .GroupBy(p => p.VillageId)
            .Select(g => new { Village = g.Key, People = g.Count(), NoPhone = g.Count(p => p.Kind == AssistedKinds.NoPhone) }).ToListAsync(cancellationToken);

        var lines = villages.Select(v =>
        {
            var seen = visits.FirstOrDefault(x => x.Village == v.Id);
            var people = helped.FirstOrDefault(x => x.Village == v.Id);
            return new VisitFigureLine(v.Id, v.Name, seen?.ThisMonth ?? 0, seen?.All ?? 0, people?.People ?? 0, people?.NoPhone ?? 0, false, false);
        }).ToList();
        var hidden = Hidden(lines);
        lines = [.. lines.Select(l => l with { PeopleHidden = hidden.Contains("people/" + l.Key), NoPhoneHidden = hidden.Contains("nophone/" + l.Key) })];

        if (team is { } teamId)
        {
            var covered = (await db.TeamVillages().Where(t => t.TeamId == teamId).Select(t => t.VillageId).ToListAsync(cancellationToken)).ToHashSet();
            var own = lines.Where(l => covered.Contains(l.Key)).OrderByName(l => l.Label).ToList();
            var sum = Sum(own, teamId.ToString(), totalLabel);
            return new VisitFigures(own, sum with
            {
                PeopleHidden = own.Any(l => l.PeopleHidden) || Disclosure.Small(sum.People),
                NoPhoneHidden = own.Any(l => l.NoPhoneHidden) || Disclosure.Small(sum.NoPhone),
            });
        }
        var total = Sum(lines, commune, totalLabel);
        return new VisitFigures([.. lines.Where(l => l.Visits > 0 || l.People > 0).OrderByName(l => l.Label)], total with
        {
            PeopleHidden = hidden.Contains("people"),
            NoPhoneHidden = hidden.Contains("nophone"),
        });
    }

    static VisitFigureLine Sum(IReadOnlyList<VisitFigureLine> lines, string key, string label) => new(key, label,
        lines.Sum(l => l.VisitsThisMonth), lines.Sum(l => l.Visits), lines.Sum(l => l.People), lines.Sum(l => l.NoPhone), false, false);

    /// <summary>The keys hidden: <c>people</c> and <c>nophone</c> (the commune's), <c>people/{village}</c>, <c>nophone/{village}</c>.</summary>
    static IReadOnlySet<string> Hidden(IReadOnlyList<VisitFigureLine> lines)
    {
        var people = Disclosure.Hidden(new Disclosure.Node("people", lines.Sum(l => l.People), [.. lines.Select(l =>
            new Disclosure.Node("people/" + l.Key, l.People, [Disclosure.Node.Leaf("nophone/" + l.Key, l.NoPhone), Disclosure.Node.Leaf("phone/" + l.Key, l.People - l.NoPhone)]))]));
        var noPhone = Disclosure.Hidden(new Disclosure.Node("nophone", lines.Sum(l => l.NoPhone), [.. lines.Select(l => Disclosure.Node.Leaf("nophone/" + l.Key, l.NoPhone))]));
        var hidden = new HashSet<string>(people.Concat(noPhone), StringComparer.Ordinal);
        // The commune's people minus its people without a phone gives those with one: 1 to 4 of them would be told.
        if (Disclosure.Small(lines.Sum(l => l.People - l.NoPhone)))
        {
            hidden.Add("nophone");
        }
        return hidden;
    }
}
