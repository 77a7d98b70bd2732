namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>How a figure stands against its target.</summary>
public enum Pace
{
    /// <summary>The target's share is reached.</summary>
    Reached,

    /// <summary>Not reached, but at least the share the days passed since the target was set call for.</summary>
    OnTrack,

    /// <summary>Less than the days passed call for.</summary>
    Behind,

    /// <summary>The due date has passed without the share.</summary>
    Overdue,

    /// <summary>No adult population (or no official) to take a share of.</summary>
    NoBase,

    /// <summary>The figure is hidden (privacy rule), so its pace is too.</summary>
    Hidden,
}

/// <param name="Key">The figure's key in the privacy tree.</param>
/// <param name="Base">Adults (course) or officials (survey); null when not known.</param>
public sealed record ProgressLine(string Key, string Label, string? Link, int? Base, int Count, bool Hidden, Pace Pace);

/// <param name="Lines">The figures one level down (communes, villages, a team's villages).</param>
/// <param name="Total">The figure of the level itself (province, commune, team).</param>
/// <param name="Trend">The total's count at the end of each week since the target began (at most 12); empty when the total is hidden.</param>
/// <param name="Assisted">Of the total, the people a team registered and helped; null when hidden or not counted (a survey target).</param>
/// <param name="AssistedHidden">Whether that figure is hidden by the privacy rule.</param>
/// <param name="CountedAt">When the figures were counted (UTC).</param>
public sealed record TargetProgress(TargetRow Target, IReadOnlyList<ProgressLine> Lines, ProgressLine Total,
    IReadOnlyList<TrendWeek> Trend, int? Assisted, bool AssistedHidden, DateTime CountedAt);

/// <summary>
/// Progress against targets: for a course target, the learners who finished the course, by the commune of their account
/// and the village they chose (and "no village chosen" for the others of the commune) against each village's adult
/// population, with the assisted people among them and the count at the end of each week; for a survey target, the
/// commune's officials (accounts with the Official role) who submitted the survey against all of them. Figures are hidden
/// by <see cref="Disclosure"/>, decided over the target's whole tree (the province for a province target), whoever reads.
/// The progress pages read a target's figures kept by its <see cref="ITargetFiguresGrain"/> (counted at most
/// <see cref="FieldOptions.FiguresMaxAge"/> ago); the monthly report counts from the database at its cut-off.
/// </summary>
public sealed class FieldProgress(AppDbContext db, CommuneDirectory communes, VietnamClock clock, IGrainFactory grains)
{
    public const string CourseKind = "course";
    public const string SurveyKind = "survey";
    public const string Province = "*";

    /// <summary>
    /// Not a kind of target a person sets: the accounts registered (of every role) by commune and village, read through the
    /// same tree and privacy rule as a course target's finishers (the monthly report's "registered" column).
    /// </summary>
    public const string RegisteredKind = "registered";
    const string NoVillage = "/-";

    /// <summary>A time after every cut-off: a trend week's column that has no week behind it counts everyone.</summary>
    static readonly DateTime Always = new(3000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The province's targets, and the commune's own when a commune is given; the newest first.</summary>
    public async Task<IReadOnlyList<TargetRow>> TargetsAsync(string? commune, CancellationToken cancellationToken = default) =>
        await db.Targets().AsNoTracking().Where(t => t.Commune == null || (commune != null && t.Commune == commune))
            .OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);

    public Task<TargetRow?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Targets().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>The province (one line per commune), as kept.</summary>
    public async Task<TargetProgress> ProvinceAsync(TargetRow target, CancellationToken cancellationToken = default) =>
        Progress(target, await grains.GetGrain<ITargetFiguresGrain>(target.Id).Province() ?? Empty(target));

    /// <summary>The province as it stood before <paramref name="until"/> (UTC), counted from the database now.</summary>
    public async Task<TargetProgress> ProvinceAsync(TargetRow target, DateTime until, CancellationToken cancellationToken) =>
        Progress(target, (await CountAsync(target, until, cancellationToken)).Province());

    /// <summary>A commune (one line per village and one for its learners who chose no village), as kept.</summary>
    public async Task<TargetProgress> CommuneAsync(TargetRow target, string commune, CancellationToken cancellationToken = default) =>
        Progress(target, await grains.GetGrain<ITargetFiguresGrain>(target.Id).Commune(commune) ?? Empty(target));

    /// <summary>A commune as it stood before <paramref name="until"/> (UTC), counted from the database now.</summary>
    public async Task<TargetProgress> CommuneAsync(TargetRow target, string commune, DateTime until, CancellationToken cancellationToken) =>
        Progress(target, (await CountAsync(target, until, cancellationToken)).Commune(commune) ?? Empty(target));

    /// <summary>A team: its villages' lines as the kept commune tree shows them, and their sum, shown only when each of them is.</summary>
    public async Task<TargetProgress> TeamAsync(TargetRow target, TeamRow team, CancellationToken cancellationToken = default)
    {
        var villages = await db.TeamVillages().Where(t => t.TeamId == team.Id).Select(t => t.VillageId).ToListAsync(cancellationToken);
        return Progress(target, await grains.GetGrain<ITargetFiguresGrain>(target.Id).Team(team.Commune, team.Id.ToString(), team.Name, villages)
            ?? Empty(target));
    }

    FiguresView Empty(TargetRow target) => new(clock.UtcNow, [], new FigureLine(target.Commune ?? Province, "", null, 0, false), [], null, false);

    TargetProgress Progress(TargetRow target, FiguresView view)
    {
        var province = view.Total.Key == Province;
        var lines = view.Lines.Select(l => Line(target, l, province ? $"/progress?commune={Uri.EscapeDataString(l.Key)}" : null)).ToList();
        return new TargetProgress(target, lines, Line(target, view.Total, null), view.Trend, view.Assisted, view.AssistedHidden, view.CountedAt);
    }

    ProgressLine Line(TargetRow target, FigureLine line, string? link) =>
        new(line.Key, line.Label, link, line.Base, line.Count, line.Hidden, line.Hidden ? Pace.Hidden : PaceOf(target, line.Base, line.Count));

    /// <summary>Every figure of the target's tree now, with the trend since the target began: what an <see cref="ITargetFiguresGrain"/> keeps.</summary>
    public Task<TargetFigures> CountAsync(TargetRow target, CancellationToken cancellationToken = default) => CountAsync(target, null, cancellationToken);

    /// <summary>Every figure of the target's tree (the province's communes, or the target's commune) before <paramref name="until"/> (null: now).</summary>
    async Task<TargetFigures> CountAsync(TargetRow target, DateTime? until, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        IReadOnlyList<string> scope = target.Commune is { } own ? [own] : [.. communes.Provinces.SelectMany(p => p.Communes).Select(c => c.Id)];
        var weeks = until is null && target.Kind != RegisteredKind ? TargetFigures.WeeksOf(target.StartsOn, now) : [];
        // A finished week's column counts up to the end of its last day; the week under way (and columns past the weeks) everyone.
        var cuts = Enumerable.Range(0, TargetFigures.MaxWeeks)
            .Select(i => i < weeks.Count - 1 ? VietnamClock.EndOfDayUtc(weeks[i].Through) : Always).ToArray();
        var people = target.Kind switch
        {
            SurveyKind => await SurveyCountsAsync(until, cuts, cancellationToken),
            RegisteredKind => await PeopleCountsAsync(db.Users.Where(u => until == null || u.CreatedAt < until)
                .Select(u => new Done { Person = u.Id, At = u.CreatedAt }), target.Commune, cuts, cancellationToken),
            _ => await PeopleCountsAsync(db.CourseEnrolments
                .Where(e => e.CourseSlug == target.CourseSlug && e.CompletedAt != null && (until == null || e.CompletedAt < until))
                .Select(e => new Done { Person = e.LearnerId, At = e.CompletedAt!.Value }), target.Commune, cuts, cancellationToken),
        };
        var villages = target.Kind == SurveyKind ? Enumerable.Empty<VillageRow>().ToLookup(v => v.Commune) : (await db.Villages().AsNoTracking()
            .Where(v => target.Commune == null || v.Commune == target.Commune).OrderBy(v => v.Name).ToListAsync(cancellationToken)).ToLookup(v => v.Commune);
        var byCommune = people.ToLookup(p => p.Commune);
        int[] Weeks(IEnumerable<Counted> rows)
        {
            var sum = new int[weeks.Count];
            foreach (var row in rows)
            {
                for (var i = 0; i < sum.Length; i++)
                {
                    sum[i] += row.Weeks[i];
                }
            }
            return sum;
        }
        var list = scope.Select(commune =>
        {
            var rows = byCommune[commune].ToList();
            var byVillage = rows.Where(r => r.Village is not null).ToLookup(r => r.Village!);
            var lines = villages[commune].Select(v => new VillageFigure(v.Id, v.Name, v.AdultPopulation,
                byVillage[v.Id].Sum(r => r.Count), byVillage[v.Id].Sum(r => r.Assisted), Weeks(byVillage[v.Id]))).ToList();
            var (count, assisted, total) = (rows.Sum(r => r.Count), rows.Sum(r => r.Assisted), Weeks(rows));
            if (lines.Count > 0)
            {
                var others = Weeks(rows);
                for (var i = 0; i < others.Length; i++)
                {
                    others[i] -= lines.Sum(l => l.Weeks[i]);
                }
                lines.Add(new VillageFigure(commune + NoVillage, "", null, count - lines.Sum(l => l.Count), assisted - lines.Sum(l => l.Assisted), others));
            }
            var adults = target.Kind == SurveyKind ? rows.Sum(r => r.Base)
                : lines.Count > 1 && lines.SkipLast(1).All(l => l.Base is not null) ? lines.Sum(l => l.Base ?? 0) : (int?)null;
            return new CommuneFigure(commune, communes.NameOf(commune), adults, count, assisted, total, lines);
        }).ToList();
        return new TargetFigures(now, Province, communes.Provinces.FirstOrDefault()?.Name ?? "", target.Kind == CourseKind, weeks, list);
    }

    /// <summary>A person counted and when: a course finished, an account made.</summary>
    sealed class Done
    {
        public Guid Person { get; init; }
        public DateTime At { get; init; }
    }

    /// <summary>People of one commune with one village (or none) and assisted or not: how many, and how many at each week's end.</summary>
    sealed record Counted(string Commune, string? Village, int Count, int Assisted, int[] Weeks, int Base = 0);

    /// <summary>
    /// The people of <paramref name="done"/> by the commune of their account, the village they chose and whether a team
    /// registered them, each group counted at each of <paramref name="cuts"/> too: one grouped query, whatever the size.
    /// </summary>
    async Task<IReadOnlyList<Counted>> PeopleCountsAsync(IQueryable<Done> done, string? commune, DateTime[] cuts, CancellationToken cancellationToken)
    {
        var (c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11) = (cuts[0], cuts[1], cuts[2], cuts[3], cuts[4], cuts[5], cuts[6], cuts[7], cuts[8], cuts[9], cuts[10], cuts[11]);
        var users = commune is null ? db.Users : db.Users.Where(u => u.Commune == commune);
        var groups = await (
            from d in done
            join u in users on d.Person equals u.Id
            from l in db.LearnerVillages().Where(l => l.UserId == u.Id).DefaultIfEmpty()
            from a in db.AssistedPeople().Where(a => a.UserId == u.Id).DefaultIfEmpty()
            select new { u.Commune, Village = l == null ? null : l.VillageId, Assisted = a != null, d.At })
            .GroupBy(x => new { x.Commune, x.Village, x.Assisted })
            .Select(g => new
            {
                g.Key.Commune, g.Key.Village, g.Key.Assisted, Count = g.Count(),
                W0 = g.Count(x => x.At < c0), W1 = g.Count(x => x.At < c1), W2 = g.Count(x => x.At < c2), W3 = g.Count(x => x.At < c3),
                W4 = g.Count(x => x.At < c4), W5 = g.Count(x => x.At < c5), W6 = g.Count(x => x.At < c6), W7 = g.Count(x => x.At < c7),
                W8 = g.Count(x => x.At < c8), W9 = g.Count(x => x.At < c9), W10 = g.Count(x => x.At < c10), W11 = g.Count(x => x.At < c11),
            })
            .ToListAsync(cancellationToken);
        return [.. groups.Select(g => new Counted(g.Commune, g.Village, g.Count, g.Assisted ? g.Count : 0,
            [g.W0, g.W1, g.W2, g.W3, g.W4, g.W5, g.W6, g.W7, g.W8, g.W9, g.W10, g.W11]))];
    }

    /// <summary>Each commune's officials (<see cref="Counted.Base"/>) and those who submitted the survey, by when they first did.</summary>
    async Task<IReadOnlyList<Counted>> SurveyCountsAsync(DateTime? until, DateTime[] cuts, CancellationToken cancellationToken)
    {
        var officials = db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Official), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId);
        var rows = await db.Users.Where(u => officials.Contains(u.Id))
            .Select(u => new
            {
                u.Commune,
                Took = db.SurveyResponses.Where(r => r.RespondentId == u.Id && r.SubmittedAt != null && (until == null || r.SubmittedAt < until)).Min(r => r.SubmittedAt),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.Commune).Select(g => new Counted(g.Key, null, g.Count(r => r.Took is not null), 0,
            [.. cuts.Select(cut => g.Count(r => r.Took < cut))], g.Count()))];
    }
    /// <summary>
    /// Reached when count ≥ the target's share of the base (rounded up); past the due date, overdue; before it, on track when
    /// count ≥ that share × the part of the period (set day to due day) already passed.
    /// </summary>
    public Pace PaceOf(TargetRow target, int? @base, int count)
    {
        if (@base is not > 0)
        {
            return Pace.NoBase;
        }
        var needed = (int)Math.Ceiling(@base.Value * target.Percent / 100.0);
        if (count >= needed)
        {
            return Pace.Reached;
        }
        var today = clock.Today;
        if (today > target.DueOn)
        {
            return Pace.Overdue;
        }
        var days = Math.Max(1, target.DueOn.DayNumber - target.StartsOn.DayNumber);
        var passed = Math.Clamp(today.DayNumber - target.StartsOn.DayNumber, 0, days);
        return count >= needed * (double)passed / days ? Pace.OnTrack : Pace.Behind;
    }

    /// <summary>Whether a line is the commune's learners who chose no village.</summary>
    public static bool IsNoVillage(ProgressLine line) => line.Key.EndsWith(NoVillage, StringComparison.Ordinal);
}
