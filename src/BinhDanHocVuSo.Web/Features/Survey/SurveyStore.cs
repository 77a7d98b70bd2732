using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Assessments.Reports;
using BinhDanHocVuSo.Content.Assessments.Scoring;
using BinhDanHocVuSo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
    /// The submitted responses of a survey version in scope (every commune when <paramref name="communes"/> is null),
    /// scored from the tallies kept at submission, with their item values when <paramref name="withItems"/> (for the
    /// quality panel). A response without scores kept under <paramref name="layout"/> (submitted before scores were kept,
    /// or counted with a definition since corrected) is counted from its answers now, and its scores are kept, so that
    /// none is left out.
    /// </summary>
    /// <param name="since">Only responses submitted at or after this time; null for all.</param>
    /// <param name="known">Responses to skip, already scored.</param>
    public static async Task<ScoredMembers> ScoredAsync(
        AppDbContext db, SurveyDefinition survey, string layout, IReadOnlyCollection<string>? communes, bool withItems,
        ResponseHalf half = ResponseHalf.Both, DateTime? since = null, IReadOnlySet<Guid>? known = null, CancellationToken cancellationToken = default)
    {
        var rows = new ScoredRows(new TallyScorer(survey), survey.Items.Count(), withItems, known);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Read with a plain data reader: EF Core's materializer cost more than the rest of the report for a province.
            await using var command = SubmittedScoresCommand(db, survey, layout, communes, withItems, half, since);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(reader);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        if (rows.Unscored.Count > 0)
        {
            await ScoreAndKeepAsync(db, survey, layout, rows, cancellationToken);
        }
        return new ScoredMembers(rows.Members, withItems ? rows.Items : null, rows.Ids);
    }

    /// <summary>How many responses are submitted in scope, and the latest submission: when either moves, a report may change.</summary>
    public static async Task<(int Count, DateTime? Latest)> SubmittedMarkAsync(
        AppDbContext db, string surveyId, int surveyVersion, IReadOnlyCollection<string>? communes, CancellationToken cancellationToken = default)
    {
        // Both in one aggregate, written out: every request of a report reads them, on PostgreSQL each is a scan of the
        // responses in scope, and EF Core would group by a constant, which SQLite sorts.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(db);
            command.CommandText = $"""SELECT COUNT(*), MAX("SubmittedAt") FROM "SurveyResponses" WHERE {SubmittedInScope(command, surveyId, surveyVersion, communes)}""";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return (Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.IsDBNull(1) ? null : reader.GetDateTime(1));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static readonly Guid MiddleId = new("80000000-0000-0000-0000-000000000000");

    /// <summary>
    /// Selects what <see cref="ScoredAsync"/> reads of each submitted response, in this order: id, respondent, background
    /// (commune, role and age band joined by <see cref="ScoredRows.BackgroundSeparator"/>), kept scores (see
    /// <see cref="ScoredRows.FlagsOf"/>: whether they are kept under <paramref name="layout"/> with the lengths it gives, and
    /// the two flags), tally, item values (null unless <paramref name="withItems"/>). The database works out all it can: each
    /// value read from a row costs a call.
    /// </summary>
    static DbCommand SubmittedScoresCommand(
        AppDbContext db, SurveyDefinition survey, string layout, IReadOnlyCollection<string>? communes, bool withItems, ResponseHalf half, DateTime? since)
    {
        var command = Command(db);
        void Add(string name, object value) => AddParameter(command, name, value);
        var submitted = SubmittedInScope(command, survey.Id, survey.Version, communes);
        Add("@layout", layout);
        Add("@tallyLength", RespondentTally.ByteCount(ScoringPlan.Of(survey)));
        Add("@items", survey.Items.Count());
        Add("@separator", ScoredRows.BackgroundSeparator.ToString());
        var inHalf = half switch
        {
            ResponseHalf.Lower => """ AND "Id" < @middle""",
            ResponseHalf.Upper => """ AND "Id" >= @middle""",
            _ => "",
        };
        if (half != ResponseHalf.Both)
        {
            // Ids are random (version 4), so half of them start below 8; SQLite keeps them as upper-case text, which sorts the same way.
            Add("@middle", db.Database.IsSqlite() ? MiddleId.ToString().ToUpperInvariant() : MiddleId);
        }
        var submittedSince = "";
        if (since is { } from)
        {
            // As each provider stores the column: EF Core's text on SQLite, a UTC timestamp on PostgreSQL.
            Add("@since", db.Database.IsSqlite()
                ? from.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)
                : DateTime.SpecifyKind(from, DateTimeKind.Utc));
            submittedSince = """ AND "SubmittedAt" >= @since""";
        }
        // For every commune, SQLite would look each response up through the (survey, version, commune) index, one page
        // read per response scattered among the answers' pages; reading the table in its own order takes half the time.
        var wholeTable = communes is null && db.Database.IsSqlite() ? " NOT INDEXED" : "";
        command.CommandText = $"""
            SELECT "Id", "RespondentId", "Commune" || @separator || "RoleId" || @separator || "AgeBandId",
                   CASE WHEN "ScoredWith" = @layout AND length("Tally") = @tallyLength AND length("ItemValues") = @items
                        THEN 4 + CASE WHEN "FailedAttentionCheck" THEN 2 ELSE 0 END + CASE WHEN "TooFast" THEN 1 ELSE 0 END
                        ELSE 0 END,
                   "Tally", {(withItems ? "\"ItemValues\"" : "NULL")}
            FROM "SurveyResponses"{wholeTable}
            WHERE {submitted}{submittedSince}{inHalf}
            """;
        return command;
    }

    static DbCommand Command(AppDbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The condition, with its parameters added to <paramref name="command"/>, for the submitted responses of a survey version in scope (every commune when null).</summary>
    static string SubmittedInScope(DbCommand command, string surveyId, int surveyVersion, IReadOnlyCollection<string>? communes)
    {
        AddParameter(command, "@survey", surveyId);
        AddParameter(command, "@version", surveyVersion);
        var inScope = "";
        if (communes is not null)
        {
            var names = communes.Select((commune, i) => (Name: $"@c{i}", commune)).ToList();
            names.ForEach(c => AddParameter(command, c.Name, c.commune));
            inScope = names.Count == 0 ? " AND 1 = 0" : $""" AND "Commune" IN ({string.Join(", ", names.Select(c => c.Name))})""";
        }
        return $"""
            "SurveyId" = @survey AND "SurveyVersion" = @version AND "SubmittedAt" IS NOT NULL{inScope}
            """;
    }

    static async Task ScoreAndKeepAsync(AppDbContext db, SurveyDefinition survey, string layout, ScoredRows scored, CancellationToken cancellationToken)
    {
        // A few hundred at a time: each id is one SQL parameter, and SQLite takes at most 32,766.
        foreach (var chunk in scored.Unscored.Chunk(500))
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
                scored.Add(row.Id, row.RespondentId, new RespondentBackground(row.Commune, row.RoleId, row.AgeBandId), tally, items);
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }

    static SurveyResponse ToResponse(SurveyResponseRow row, IEnumerable<SurveyAnswerRow> answers) => new(
        row.Id, row.SurveyId, row.SurveyVersion, new SurveyBackground(row.Commune, row.RoleId, row.AgeBandId),
        answers.ToImmutableDictionary(a => a.ItemId, a => new SurveyAnswer(a.Code, a.OptionId, DateTime.SpecifyKind(a.AnsweredAt, DateTimeKind.Utc), a.Seconds)),
        row.LastPage, row.SubmittedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
        DateTime.SpecifyKind(row.StartedAt, DateTimeKind.Utc));
}

/// <summary>Which of the submitted responses to read: all, or the half whose ids are below or from the middle id.</summary>
public enum ResponseHalf
{
    Both,
    Lower,
    Upper,
}

/// <summary>The stored response moved on since this copy was read; the grain reloads and tries once more.</summary>
public sealed class StaleSurveyResponseException(Guid responseId, long version, Exception? inner = null)
    : Exception($"Survey response {responseId} changed since version {version}.", inner);
