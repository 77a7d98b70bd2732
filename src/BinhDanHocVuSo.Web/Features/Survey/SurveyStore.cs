using System.Collections.Immutable;
using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Assessments.Reports;
using BinhDanHocVuSo.Content.Assessments.Scoring;
using BinhDanHocVuSo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>
/// Reads and writes survey responses in ordinary tables (the same path on SQLite and PostgreSQL), so that reports are
/// plain queries. Every write is one transaction that also moves the response's row version on, and only from the
/// version the grain last saw: a stale copy never overwrites newer answers.
/// </summary>
public sealed class SurveyStore(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<(SurveyResponse Response, long Version)> LoadAsync(Guid respondentId, string surveyId, int surveyVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.SurveyResponses.AsNoTracking()
            .FirstOrDefaultAsync(r => r.RespondentId == respondentId && r.SurveyId == surveyId && r.SurveyVersion == surveyVersion, cancellationToken);
        if (row is null)
        {
            return (new SurveyResponse(null, surveyId, surveyVersion, null, ImmutableDictionary<string, SurveyAnswer>.Empty, 0, null, null), 0);
        }
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => a.ResponseId == row.Id).ToListAsync(cancellationToken);
        return (ToResponse(row, answers), row.Version);
    }

    /// <summary>
    /// Applies <paramref name="change"/> on top of <paramref name="basedOnVersion"/> (0: the response row is new) in one
    /// transaction and returns the new version once committed. Throws <see cref="StaleSurveyResponseException"/> when the
    /// stored response has moved on.
    /// </summary>
    public async Task<long> SaveAsync(Guid responseId, long basedOnVersion, Action<AppDbContext, long> change)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var next = basedOnVersion + 1;
        if (basedOnVersion > 0)
        {
            var moved = await db.SurveyResponses
                .Where(r => r.Id == responseId && r.Version == basedOnVersion)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Version, next));
            if (moved == 0)
            {
                throw new StaleSurveyResponseException(responseId, basedOnVersion);
            }
        }
        change(db, next);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e)
        {
            // Another activation wrote first (e.g. created the same official's response): reload and try again.
            throw new StaleSurveyResponseException(responseId, basedOnVersion, e);
        }
        await transaction.CommitAsync();
        return next;
    }

    /// <summary>
    /// The submitted responses of a survey version in scope (every commune when <paramref name="communes"/> is null), as
    /// reports read them: the scores kept at submission. A response without scores kept under <paramref name="layout"/>
    /// (submitted before scores were kept, or counted with a definition since corrected) is counted from its answers now,
    /// and its scores are kept, so that none is left out.
    /// </summary>
    public static async Task<IReadOnlyList<ScoredResponse>> ScoredAsync(
        AppDbContext db, SurveyDefinition survey, string layout, IReadOnlyCollection<string>? communes, CancellationToken cancellationToken = default)
    {
        var rows = await Submitted(db, survey.Id, survey.Version, communes, wholeTable: communes is null)
            .Select(r => new
            {
                r.Id, r.RespondentId, r.Commune, r.RoleId, r.AgeBandId, Current = r.ScoredWith == layout,
                r.Tally, r.ItemValues, r.FailedAttentionCheck, r.TooFast,
            })
            .ToListAsync(cancellationToken);
        var plan = ScoringPlan.Of(survey);
        var items = survey.Items.Count();
        // Officials share a few thousand backgrounds: one object each rather than one per response.
        var backgrounds = new Dictionary<(string, string, string), RespondentBackground>();
        var scored = new List<ScoredResponse>(rows.Count);
        var unscored = new List<Guid>();
        foreach (var row in rows)
        {
            if (!row.Current || !StoredScores.Fit(row.Tally, row.ItemValues, plan, items))
            {
                unscored.Add(row.Id);
                continue;
            }
            if (!backgrounds.TryGetValue((row.Commune, row.RoleId, row.AgeBandId), out var background))
            {
                background = new RespondentBackground(row.Commune, row.RoleId, row.AgeBandId);
                backgrounds.Add((row.Commune, row.RoleId, row.AgeBandId), background);
            }
            var flags = StoredScores.Flags(row.FailedAttentionCheck, row.TooFast);
            scored.Add(new ScoredResponse(row.RespondentId, background, row.Tally!, new RespondentItems(row.ItemValues!, flags)));
        }
        if (unscored.Count > 0)
        {
            scored.AddRange(await ScoreAndKeepAsync(db, survey, layout, unscored, cancellationToken));
        }
        return scored;
    }

    /// <summary>How many responses are submitted in scope, and the latest submission: when either moves, a report may change.</summary>
    public static async Task<(int Count, DateTime? Latest)> SubmittedMarkAsync(
        AppDbContext db, string surveyId, int surveyVersion, IReadOnlyCollection<string>? communes, CancellationToken cancellationToken = default)
    {
        var submitted = Submitted(db, surveyId, surveyVersion, communes);
        return (await submitted.CountAsync(cancellationToken), await submitted.MaxAsync(r => r.SubmittedAt, cancellationToken));
    }

    static IQueryable<SurveyResponseRow> Submitted(
        AppDbContext db, string surveyId, int surveyVersion, IReadOnlyCollection<string>? communes, bool wholeTable = false)
    {
        // For every commune, SQLite would look each response up through the (survey, version, commune) index, one page
        // read per response scattered among the answers' pages; reading the table in its own order takes half the time.
        var responses = wholeTable && db.Database.IsSqlite()
            ? db.SurveyResponses.FromSqlRaw("""SELECT * FROM "SurveyResponses" NOT INDEXED""")
            : db.SurveyResponses;
        var query = responses.AsNoTracking()
            .Where(r => r.SurveyId == surveyId && r.SurveyVersion == surveyVersion && r.SubmittedAt != null);
        return communes is null ? query : query.Where(r => communes.Contains(r.Commune));
    }

    static async Task<List<ScoredResponse>> ScoreAndKeepAsync(
        AppDbContext db, SurveyDefinition survey, string layout, List<Guid> ids, CancellationToken cancellationToken)
    {
        var scored = new List<ScoredResponse>(ids.Count);
        // A few hundred at a time: each id is one SQL parameter, and SQLite takes at most 32,766.
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.SurveyResponses.AsNoTracking().Where(r => chunk.Contains(r.Id)).ToListAsync(cancellationToken);
            var answers = (await db.SurveyAnswers.AsNoTracking().Where(a => chunk.Contains(a.ResponseId)).ToListAsync(cancellationToken))
                .ToLookup(a => a.ResponseId);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var row in rows)
            {
                var response = ToResponse(row, answers[row.Id]);
                var (tally, items) = StoredScores.Keep(row, survey, layout, response.ToRespondentAnswers(row.RespondentId.ToString()));
                // Only the score columns: a submitted response's answers and version no longer change.
                await db.SurveyResponses.Where(r => r.Id == row.Id && r.SubmittedAt != null).ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.ScoredWith, row.ScoredWith)
                    .SetProperty(r => r.Tally, row.Tally)
                    .SetProperty(r => r.ItemValues, row.ItemValues)
                    .SetProperty(r => r.FailedAttentionCheck, row.FailedAttentionCheck)
                    .SetProperty(r => r.TooFast, row.TooFast), cancellationToken);
                scored.Add(new ScoredResponse(row.RespondentId, new RespondentBackground(row.Commune, row.RoleId, row.AgeBandId), tally, items));
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return scored;
    }

    static SurveyResponse ToResponse(SurveyResponseRow row, IEnumerable<SurveyAnswerRow> answers) => new(
        row.Id, row.SurveyId, row.SurveyVersion, new SurveyBackground(row.Commune, row.RoleId, row.AgeBandId),
        answers.ToImmutableDictionary(a => a.ItemId, a => new SurveyAnswer(a.Code, a.OptionId, DateTime.SpecifyKind(a.AnsweredAt, DateTimeKind.Utc), a.Seconds)),
        row.LastPage, row.SubmittedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
        DateTime.SpecifyKind(row.StartedAt, DateTimeKind.Utc));
}

/// <summary>The stored response moved on since this copy was read; the grain reloads and tries once more.</summary>
public sealed class StaleSurveyResponseException(Guid responseId, long version, Exception? inner = null)
    : Exception($"Survey response {responseId} changed since version {version}.", inner);
