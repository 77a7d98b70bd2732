namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>A report of one survey version (the current one unless asked) for the caller's scope, with what its page and exports need.</summary>
/// <param name="Survey">The version reported on.</param>
/// <param name="Report">The numbers, small cells hidden (spec section e.1–e.6).</param>
/// <param name="Quality">The admin quality panel; null for trainers.</param>
/// <param name="ScopeCommunes">The communes in scope; null for the whole province (admins).</param>
public sealed record ScopedReport(SurveyDefinition Survey, SurveyReport Report, QualityPanel? Quality, IReadOnlyList<string>? ScopeCommunes);

/// <summary>
/// Builds the group report with the pure <see cref="SurveyReportBuilder"/>: a trainer sees the submitted responses of the
/// officials in the communes assigned to them (<see cref="CommuneScope"/>), an admin all of them. Invited = accounts with the Official role in scope.
/// Responses are read as the scores kept at submission; a built report is reused while its data is unchanged (<see cref="SurveyReportCache"/>).
/// </summary>
public sealed class SurveyReports(
    AppDbContext db, IDbContextFactory<AppDbContext> contexts, SurveySource surveys, ICourseCatalogSource catalog, CommuneDirectory communes, SurveyReportCache cache)
{
    /// <param name="version">A past version to report on; null for the current one. Null result: no such version.</param>
    public async Task<ScopedReport?> BuildAsync(HttpContext http, GroupBy by, int? version = null, CancellationToken cancellationToken = default)
    {
        var admin = http.User.IsInRole(Roles.Admin);
        // A trainer's scope is the communes assigned to them, not the communes of the groups they were added to.
        var scope = admin ? null : await db.OfCallerAsync(http, cancellationToken);
        return await BuildAsync(admin, scope, by, version, cancellationToken);
    }

    /// <summary>The report of the current version on the whole province, as an admin sees it; null when no survey is served.</summary>
    public Task<ScopedReport?> BuildForProvinceAsync(GroupBy by, CancellationToken cancellationToken = default) =>
        BuildAsync(admin: true, scope: null, by, version: null, cancellationToken);

    async Task<ScopedReport?> BuildAsync(bool admin, IReadOnlyList<string>? scope, GroupBy by, int? version, CancellationToken cancellationToken)
    {
        if (surveys.Current is not { } current
            || (version is { } asked ? surveys.Find(current.Id, asked) : current) is not { } survey)
        {
            return null;
        }
        // The mark is read before the responses: a response submitted meanwhile makes the next request build again.
        var (submitted, latest) = await SurveyStore.SubmittedMarkAsync(db, survey.Id, survey.Version, scope, cancellationToken);
        var invited = await InvitedAsync(scope, cancellationToken);
        var key = new ReportKey(survey.Id, survey.Version, scope is null ? SurveyReportCache.ProvinceScope : string.Join('\n', scope), by);
        var mark = new ReportMark(submitted, latest, invited, catalog.Current);
        if (cache.Find(key, mark) is { } kept)
        {
            return kept;
        }
        var built = await BuildAsync(survey, admin, scope, key.Scope, by, invited, (submitted, latest), mark.Courses, cancellationToken);
        cache.Keep(key, mark, built);
        return built;
    }

    async Task<ScopedReport> BuildAsync(
        SurveyDefinition survey, bool admin, IReadOnlyList<string>? scope, string scopeKey, GroupBy by, int invited,
        (int Count, DateTime? Latest) submitted, CourseCatalog courses, CancellationToken cancellationToken)
    {
        var scored = await MembersAsync(survey, admin, scope, scopeKey, submitted, cancellationToken);
        var (members, items) = (scored.Members, scored.Items);
        var privacy = new CellPrivacy(survey.Privacy);
        // The merged age bands are the calibration's groups, and the columns too when grouped by age.
        List<ReportGroup> calibration = [.. ReportGroups.MergeAgeBands(members, ReportGroups.AgeBandOrder(survey), privacy).Select(g => g.Group)];
        IReadOnlyList<ReportGroup> columns = by switch
        {
            GroupBy.None => [],
            GroupBy.AgeBand => calibration,
            GroupBy.Commune | GroupBy.Position => RolledUp(ReportGroups.RollUpCommunePosition(members, privacy)),
            _ => ReportGroups.By(members, by),
        };
        var request = new ReportRequest(
            new ReportGroup(GroupKey.All, members),
            invited,
            [.. courses.Courses.Select(CourseOffer.From)],
            columns,
            calibration);
        // No quality panel before anyone has answered: there is nothing to judge yet.
        var quality = items is { Count: > 0 } ? Task.Run(() => QualityPanelBuilder.FromItemValues(survey, items), cancellationToken) : null;
        var report = SurveyReportBuilder.Build(survey, request);
        return new ScopedReport(survey, report, quality is null ? null : await quality, scope);
    }

    /// <summary>
    /// The scored respondents in scope. Those scored for an earlier report are kept (<see cref="SurveyReportCache"/>), and
    /// only responses submitted since are read, when the kept ones and the new ones add up to the submitted count just
    /// read; otherwise, or the first time, all are read.
    /// </summary>
    async Task<ScoredMembers> MembersAsync(
        SurveyDefinition survey, bool withItems, IReadOnlyList<string>? scope, string scopeKey, (int Count, DateTime? Latest) submitted,
        CancellationToken cancellationToken)
    {
        var layout = surveys.LayoutOf(survey);
        var key = new MembersKey(survey.Id, survey.Version, layout, scopeKey, withItems);
        // One reader at a time: a second request for the same respondents waits, then adds only what the first did not read.
        using var _ = await cache.ReadingAsync(key, cancellationToken);
        // With none kept yet, reading "the new ones" would read them all on one connection.
        if (cache.FindMembers(key) is ({ Members.Count: > 0 } kept, { } latest))
        {
            // Responses are only ever added, and each is submitted at the time of the server that took it: a response
            // committed late, with a time before the kept latest, is found within the window or else fails the count.
            var added = await SurveyStore.ScoredAsync(
                db, survey, layout, scope, withItems, since: latest - SubmissionWindow, known: kept.Ids, cancellationToken: cancellationToken);
            if (kept.Members.Count + added.Members.Count == submitted.Count)
            {
                var merged = kept.With(added);
                cache.KeepMembers(key, merged, submitted.Latest);
                return merged;
            }
        }
        // Each half of the responses is read and scored on its own thread and connection: on a province, reading and
        // scoring are most of the work, and neither waits on the other half.
        var halves = await Task.WhenAll(
            Task.Run(() => ScoredHalfAsync(survey, layout, scope, withItems, ResponseHalf.Lower, cancellationToken), cancellationToken),
            Task.Run(() => ScoredHalfAsync(survey, layout, scope, withItems, ResponseHalf.Upper, cancellationToken), cancellationToken));
        var all = halves[0].With(halves[1]);
        cache.KeepMembers(key, all, submitted.Latest);
        return all;
    }

    static readonly TimeSpan SubmissionWindow = TimeSpan.FromMinutes(10);

    async Task<ScoredMembers> ScoredHalfAsync(
        SurveyDefinition survey, string layout, IReadOnlyList<string>? scope, bool withItems, ResponseHalf half, CancellationToken cancellationToken)
    {
        await using var halfDb = await contexts.CreateDbContextAsync(cancellationToken);
        return await SurveyStore.ScoredAsync(halfDb, survey, layout, scope, withItems, half, cancellationToken: cancellationToken);
    }

    // Commune × position cells too small to show give way to the same position across the province (spec (d), privacy).
    static IReadOnlyList<ReportGroup> RolledUp(CommunePositionRollUp rollUp) =>
        [.. rollUp.Cells.Where(c => c.Shown).Select(c => c.Group), .. rollUp.Positions.Where(p => p.Shown).Select(p => p.Group)];

    async Task<int> InvitedAsync(IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        var official = db.Roles.Where(r => r.Name == Roles.Official).Select(r => r.Id);
        var officials = db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && official.Contains(ur.RoleId)));
        if (scope is not null)
        {
            officials = officials.Where(u => scope.Contains(u.Commune));
        }
        return await officials.CountAsync(cancellationToken);
    }

    /// <summary>The Vietnamese name of a report group: commune, position and age range, or "all in scope".</summary>
    public string LabelOf(SurveyDefinition survey, GroupKey key, string everyone)
    {
        var parts = new List<string>();
        if (key.CommuneId is { } commune)
        {
            parts.Add(communes.NameOf(commune));
        }
        if (key.RoleId is { } role)
        {
            parts.Add(survey.Roles.FirstOrDefault(r => r.Id == role)?.Name ?? role);
        }
        if (key.AgeBands is { } range)
        {
            var options = survey.Background.FirstOrDefault(q => q.Id == ReportGroups.AgeBandQuestionId)?.Options ?? [];
            string Label(string id) => options.FirstOrDefault(o => o.Id == id)?.Label ?? id;
            parts.Add(range.FirstId == range.LastId ? Label(range.FirstId) : $"{Label(range.FirstId)} – {Label(range.LastId)}");
        }
        return parts.Count == 0 ? everyone : string.Join(" · ", parts);
    }
}
