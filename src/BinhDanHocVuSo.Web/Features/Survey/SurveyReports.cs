namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>A report of one survey version (the current one unless asked) for the caller's scope, with what its page and exports need.</summary>
/// <param name="Survey">The version reported on.</param>
/// <param name="Report">The numbers, small cells hidden (spec section e.1–e.6).</param>
/// <param name="Quality">The admin quality panel; null for trainers.</param>
/// <param name="ScopeCommunes">The communes in scope; null for the whole province (admins).</param>
public sealed record ScopedReport(SurveyDefinition Survey, SurveyReport Report, QualityPanel? Quality, IReadOnlyList<string>? ScopeCommunes);

/// <summary>Who reads a report: it decides the communes in scope and what the page offers.</summary>
public enum ReportReader
{
    /// <summary>Every commune, and the quality panel.</summary>
    Admin,

    /// <summary>The communes assigned to the trainer, and the action that assigns courses to their groups.</summary>
    Trainer,

    /// <summary>An official in a leadership position: their own commune's report, read only (spec (d), privacy).</summary>
    Leader,
}

/// <summary>A reader of reports and the communes they see; null communes: the whole province.</summary>
public sealed record ReportReach(ReportReader Reader, IReadOnlyList<string>? Communes);

/// <summary>
/// Builds the group report with the pure <see cref="SurveyReportBuilder"/>: a trainer sees the submitted responses of the
/// officials in the communes assigned to them (<see cref="CommuneScope"/>), a leader those of their own commune, an admin
/// all of them. Invited = accounts with the Official role in scope.
/// Responses are read as the scores kept at submission; a built report is reused while its data is unchanged (<see cref="SurveyReportCache"/>).
/// </summary>
public sealed class SurveyReports(
    AppDbContext db, IDbContextFactory<AppDbContext> contexts, SurveySource surveys, ICourseCatalogSource catalog, CommuneDirectory communes, SurveyReportCache cache)
{
    /// <summary>The position id whose officials lead their commune (spec B3: "leadership") and so may read its report.</summary>
    public const string LeadershipRole = "leadership";

    /// <summary>
    /// Who the caller reads reports as: an admin the province; a trainer the communes assigned to them (not the communes of
    /// the groups they were added to); an official whose latest survey response, given in their account's commune, names a
    /// leadership position, that commune. Null: the caller may not read reports.
    /// </summary>
    public async Task<ReportReach?> ReachAsync(HttpContext http, CancellationToken cancellationToken = default)
    {
        if (http.User.IsInRole(Roles.Admin))
        {
            return new ReportReach(ReportReader.Admin, null);
        }
        if (LearnerIdentity.SignedIn(http) is not { } me)
        {
            return null;
        }
        if (http.User.IsInRole(Roles.Trainer))
        {
            return new ReportReach(ReportReader.Trainer, await db.AssignedCommunesAsync(me, cancellationToken));
        }
        if (!http.User.IsInRole(Roles.Official) || surveys.Current is not { } survey)
        {
            return null;
        }
        // The position is the one the official gave in the survey: the accounts keep none.
        var latest = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.RespondentId == me && r.SurveyId == survey.Id)
            .OrderByDescending(r => r.StartedAt)
            .Select(r => new { r.RoleId, r.Commune })
            .FirstOrDefaultAsync(cancellationToken);
        var commune = await db.Users.Where(u => u.Id == me).Select(u => u.Commune).FirstOrDefaultAsync(cancellationToken);
        return latest is { RoleId: LeadershipRole } && commune is not null && latest.Commune == commune
            ? new ReportReach(ReportReader.Leader, [commune])
            : null;
    }

    /// <param name="reach">Who reads it (see <see cref="ReachAsync"/>).</param>
    /// <param name="includeFlagged">Whether respondents who failed the attention check or answered too fast count.</param>
    /// <param name="version">A past version to report on; null for the current one. Null result: no such version.</param>
    public Task<ScopedReport?> BuildAsync(
        ReportReach reach, GroupBy by, bool includeFlagged = false, int? version = null, CancellationToken cancellationToken = default) =>
        BuildAsync(reach.Reader == ReportReader.Admin, reach.Communes, by, includeFlagged, version, cancellationToken);

    /// <summary>The report of the current version on the whole province, as an admin sees it; null when no survey is served.</summary>
    public Task<ScopedReport?> BuildForProvinceAsync(GroupBy by, CancellationToken cancellationToken = default) =>
        BuildAsync(admin: true, scope: null, by, includeFlagged: false, version: null, cancellationToken);

    async Task<ScopedReport?> BuildAsync(
        bool admin, IReadOnlyList<string>? scope, GroupBy by, bool includeFlagged, int? version, CancellationToken cancellationToken)
    {
        if (surveys.Current is not { } current
            || (version is { } asked ? surveys.Find(current.Id, asked) : current) is not { } survey)
        {
            return null;
        }
        // The mark is read before the responses: a response submitted meanwhile makes the next request build again. It is the
        // province's: a scoped report's cells are decided over the whole province (ReportRequest.For), so any new response counts.
        var (submitted, latest) = await SurveyStore.SubmittedMarkAsync(db, survey.Id, survey.Version, null, cancellationToken);
        var invited = await InvitedAsync(scope, cancellationToken);
        var key = new ReportKey(survey.Id, survey.Version, scope is null ? SurveyReportCache.ProvinceScope : string.Join('\n', scope), by, includeFlagged);
        var mark = new ReportMark(submitted, latest, invited, catalog.Current);
        if (cache.Find(key, mark) is { } kept)
        {
            return kept;
        }
        var built = await BuildAsync(survey, admin, scope, key.Scope, by, includeFlagged, invited, (submitted, latest), mark.Courses, cancellationToken);
        cache.Keep(key, mark, built);
        return built;
    }

    async Task<ScopedReport> BuildAsync(
        SurveyDefinition survey, bool admin, IReadOnlyList<string>? scope, string scopeKey, GroupBy by, bool includeFlagged, int invited,
        (int Count, DateTime? Latest) submitted, CourseCatalog courses, CancellationToken cancellationToken)
    {
        // Everyone in the province is read (and kept) for any scope: the scope's cells are decided over the province.
        var scored = await MembersAsync(survey, admin, scope: null, SurveyReportCache.ProvinceScope, submitted, cancellationToken);
        var (members, items) = (scored.Members, scored.Items);
        var request = ReportRequest.For(survey, members, by, includeFlagged, invited, [.. courses.Courses.Select(CourseOffer.From)], scope);
        // No quality panel before anyone has answered: there is nothing to judge yet. It always leaves flagged respondents out.
        var quality = items is { Count: > 0 } ? Task.Run(() => QualityPanelBuilder.ForReport(survey, items), cancellationToken) : null;
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
