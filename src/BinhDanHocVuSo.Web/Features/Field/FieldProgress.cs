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
public sealed record TargetProgress(TargetRow Target, IReadOnlyList<ProgressLine> Lines, ProgressLine Total);

/// <summary>
/// Progress against targets, counted from the database on each request: for a course target, the learners who finished
/// the course, by the village they chose (and "no village chosen" for the others of the commune, by their account's
/// commune) against each village's adult population; for a survey target, the commune's officials (accounts with the
/// Official role) who submitted the survey against all of them. Figures are hidden by <see cref="Disclosure"/>, decided
/// over the target's whole tree (the province for a province target), whoever reads.
/// </summary>
public sealed class FieldProgress(AppDbContext db, CommuneDirectory communes, VietnamClock clock)
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

    /// <summary>The province's targets, and the commune's own when a commune is given; the newest first.</summary>
    public async Task<IReadOnlyList<TargetRow>> TargetsAsync(string? commune, CancellationToken cancellationToken = default) =>
        await db.Targets().AsNoTracking().Where(t => t.Commune == null || (commune != null && t.Commune == commune))
            .OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>The province: one line per commune.</summary>
    public Task<TargetProgress> ProvinceAsync(TargetRow target, CancellationToken cancellationToken = default) =>
        ProvinceAsync(target, null, cancellationToken);

    /// <summary>The province as it stood before <paramref name="until"/> (UTC; null: now): finishes and surveys counted up to then.</summary>
    public async Task<TargetProgress> ProvinceAsync(TargetRow target, DateTime? until, CancellationToken cancellationToken)
    {
        var figures = await FiguresAsync(target, until, cancellationToken);
        return ProvinceOf(target, figures);
    }

    TargetProgress ProvinceOf(TargetRow target, Figures figures)
    {
        var lines = figures.Communes.Select(c => Line(target, c.Key, communes.NameOf(c.Key), $"/progress?commune={Uri.EscapeDataString(c.Key)}", c.Base, c.Count, figures.Hidden)).ToList();
        var total = Line(target, Province, communes.Provinces.FirstOrDefault()?.Name ?? "", null,
            figures.Communes.All(c => c.Base is not null) ? figures.Communes.Sum(c => c.Base) : null, figures.Communes.Sum(c => c.Count), figures.Hidden);
        return new TargetProgress(target, lines, total);
    }

    /// <summary>A commune: one line per village and one for its learners who chose no village (course targets).</summary>
    public Task<TargetProgress> CommuneAsync(TargetRow target, string commune, CancellationToken cancellationToken = default) =>
        CommuneAsync(target, commune, null, cancellationToken);

    /// <summary>A commune as it stood before <paramref name="until"/> (UTC; null: now).</summary>
    public async Task<TargetProgress> CommuneAsync(TargetRow target, string commune, DateTime? until, CancellationToken cancellationToken)
    {
        var figures = await FiguresAsync(target, until, cancellationToken);
        return CommuneOf(target, commune, figures);
    }

    TargetProgress CommuneOf(TargetRow target, string commune, Figures figures)
    {
        var figure = figures.Communes.Single(c => c.Key == commune);
        var lines = figure.Villages.Select(v => Line(target, v.Key, v.Name, null, v.Base, v.Count, figures.Hidden)).ToList();
        return new TargetProgress(target, lines, Line(target, commune, communes.NameOf(commune), null, figure.Base, figure.Count, figures.Hidden));
    }

    /// <summary>A team: its villages' lines as the commune shows them, and their sum, shown only when each of them is.</summary>
    public async Task<TargetProgress> TeamAsync(TargetRow target, TeamRow team, CancellationToken cancellationToken = default)
    {
        var villages = await db.TeamVillages().Where(t => t.TeamId == team.Id).Select(t => t.VillageId).ToListAsync(cancellationToken);
        var commune = await CommuneAsync(target, team.Commune, cancellationToken);
        var lines = commune.Lines.Where(l => villages.Contains(l.Key)).ToList();
        var count = lines.Sum(l => l.Count);
        var hidden = lines.Any(l => l.Hidden) || Disclosure.Small(count);
        var total = Line(target, team.Id.ToString(), team.Name, null, lines.All(l => l.Base is not null) ? lines.Sum(l => l.Base) : null, count,
            hidden ? new HashSet<string> { team.Id.ToString() } : new HashSet<string>());
        return new TargetProgress(target, lines, total);
    }

    sealed record VillageFigure(string Key, string Name, int? Base, int Count);

    sealed record CommuneFigure(string Key, int? Base, int Count, IReadOnlyList<VillageFigure> Villages);

    sealed record Figures(IReadOnlyList<CommuneFigure> Communes, IReadOnlySet<string> Hidden);

    /// <summary>Every figure of the target's tree (the province's communes, or the target's commune), and which are hidden.</summary>
    async Task<Figures> FiguresAsync(TargetRow target, DateTime? until, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> scope = target.Commune is { } own ? [own] : [.. communes.Provinces.SelectMany(p => p.Communes).Select(c => c.Id)];
        var list = target.Kind switch
        {
            SurveyKind => await SurveyFiguresAsync(scope, until, cancellationToken),
            RegisteredKind => await PeopleFiguresAsync(db.Users.Where(u => until == null || u.CreatedAt < until).Select(u => u.Id), scope, cancellationToken),
            _ => await PeopleFiguresAsync(db.CourseEnrolments
                .Where(e => e.CourseSlug == target.CourseSlug && e.CompletedAt != null && (until == null || e.CompletedAt < until)).Select(e => e.LearnerId), scope, cancellationToken),
        };
        var tree = new Disclosure.Node(Province, list.Sum(c => c.Count),
            [.. list.Select(c => new Disclosure.Node(c.Key, c.Count, [.. c.Villages.Select(v => Disclosure.Node.Leaf(v.Key, v.Count))]))]);
        return new Figures(list, Disclosure.Hidden(tree));
    }

    /// <summary>The accounts among <paramref name="completers"/> by commune, and by the village they chose.</summary>
    async Task<IReadOnlyList<CommuneFigure>> PeopleFiguresAsync(IQueryable<Guid> completers, IReadOnlyList<string> scope, CancellationToken cancellationToken)
    {
        var totals = await db.Users.Where(u => scope.Contains(u.Commune) && completers.Contains(u.Id))
            .GroupBy(u => u.Commune).Select(g => new { Commune = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Commune, g => g.Count, cancellationToken);
        var byVillage = await db.LearnerVillages().Where(l => completers.Contains(l.UserId))
            .Join(db.Villages().Where(v => scope.Contains(v.Commune)), l => l.VillageId, v => v.Id, (l, v) => v.Id)
            .GroupBy(id => id).Select(g => new { Village = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Village, g => g.Count, cancellationToken);
        var villages = (await db.Villages().AsNoTracking().Where(v => scope.Contains(v.Commune)).OrderBy(v => v.Name).ToListAsync(cancellationToken))
            .ToLookup(v => v.Commune);
        return [.. scope.Select(commune =>
        {
            var lines = villages[commune].Select(v => new VillageFigure(v.Id, v.Name, v.AdultPopulation, byVillage.GetValueOrDefault(v.Id))).ToList();
            var total = totals.GetValueOrDefault(commune);
            if (lines.Count > 0)
            {
                lines.Add(new VillageFigure(commune + NoVillage, "", null, total - lines.Sum(l => l.Count)));
            }
            var adults = lines.Count > 1 && lines.SkipLast(1).All(l => l.Base is not null) ? lines.Sum(l => l.Base ?? 0) : (int?)null;
            return new CommuneFigure(commune, adults, total, lines);
        })];
    }

    async Task<IReadOnlyList<CommuneFigure>> SurveyFiguresAsync(IReadOnlyList<string> scope, DateTime? until, CancellationToken cancellationToken)
    {
        var officials = db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Official), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId);
        var byCommune = await db.Users.Where(u => scope.Contains(u.Commune) && officials.Contains(u.Id))
            .GroupBy(u => u.Commune)
            .Select(g => new { Commune = g.Key, Officials = g.Count(), Took = g.Count(u => db.SurveyResponses.Any(r => r.RespondentId == u.Id && r.SubmittedAt != null && (until == null || r.SubmittedAt < until))) })
            .ToDictionaryAsync(g => g.Commune, cancellationToken);
        return [.. scope.Select(commune => byCommune.TryGetValue(commune, out var c)
            ? new CommuneFigure(commune, c.Officials, c.Took, []) : new CommuneFigure(commune, 0, 0, []))];
    }

    ProgressLine Line(TargetRow target, string key, string label, string? link, int? @base, int count, IReadOnlySet<string> hidden)
    {
        var isHidden = hidden.Contains(key);
        return new ProgressLine(key, label, link, @base, count, isHidden, isHidden ? Pace.Hidden : PaceOf(target, @base, count));
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
