using Microsoft.EntityFrameworkCore.Storage;

namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>
/// Reads and writes survey responses in ordinary tables (the same path on SQLite and PostgreSQL), so that reports are
/// plain queries. Every write goes through <see cref="VersionedWriteQueue"/>: it also moves the response's row version
/// on, and only from the version the grain last saw, so a stale copy never overwrites newer answers. Reading a report
/// never writes: responses without fitting kept scores are counted in memory, and <see cref="KeepMissingScoresAsync"/>
/// keeps their scores off the request path, at start.
/// </summary>
public sealed class SurveyStore(IDbContextFactory<AppDbContext> contexts, VersionedWriteQueue writes)
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
    /// Writes <paramref name="row"/> (its version set to the next) and <paramref name="answers"/> (new or changed) on top of
    /// <paramref name="basedOnVersion"/> (0: the response is new) in one transaction, and returns the new version once
    /// committed. Throws <see cref="StaleStateException"/> when the stored response has moved on, or another activation
    /// created the same official's response first.
    /// </summary>
    public Task<long> SaveAsync(SurveyResponseRow row, long basedOnVersion, IReadOnlyCollection<SurveyAnswerRow> answers)
    {
        row.Version = basedOnVersion + 1;
        return writes.SaveAsync(new VersionedWrite<SurveyResponseRow>(row, basedOnVersion, async writer =>
        {
            if (basedOnVersion > 0)
            {
                await writer.UpsertAsync(row);
            }
            foreach (var answer in answers)
            {
                await writer.UpsertAsync(answer);
            }
        }));
    }

    /// <summary>
    /// The submitted responses of a survey version in scope (every commune when <paramref name="communes"/> is null),
    /// scored from the tallies kept at submission, with their item values when <paramref name="withItems"/> (for the
    /// quality panel). A response without scores kept under <paramref name="layout"/> (submitted before scores were kept,
    /// or counted with a definition since corrected) is counted from its answers, in memory only, so that none is left out.
    /// </summary>
    /// <param name="since">Only responses submitted at or after this time; null for all.</param>
    /// <param name="known">Responses to skip, already scored.</param>
    public static async Task<ScoredMembers> ScoredAsync(
        AppDbContext db, SurveyDefinition survey, string layout, IReadOnlyCollection<string>? communes, bool withItems,
        ResponseHalf half = ResponseHalf.Both, DateTime? since = null, IReadOnlySet<Guid>? known = null, CancellationToken cancellationToken = default)
    {
        var rows = new KeptScoreReader(new TallyScorer(survey), survey.Items.Count(), withItems, known);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Read with a plain data reader, without materializing entities: a province's report reads every response.
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
        foreach (var (row, scores) in await CountedFromAnswersAsync(db, survey, rows.Unscored, cancellationToken))
        {
            rows.Add(row.Id, row.RespondentId, new RespondentBackground(row.Commune, row.RoleId, row.AgeBandId), scores);
        }
        return new ScoredMembers(rows.Members, withItems ? rows.Items : null, rows.Ids);
    }

    /// <summary>How many responses are submitted in scope, and the latest submission: when either moves, a report may change.</summary>
    public static async Task<(int Count, DateTime? Latest)> SubmittedMarkAsync(
        AppDbContext db, string surveyId, int surveyVersion, IReadOnlyCollection<string>? communes, CancellationToken cancellationToken = default)
    {
        // Both in one aggregate, written out: every request of a report reads them, and EF Core would group by a constant,
        // which SQLite sorts.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(db);
            command.CommandText = $"""SELECT COUNT(*), MAX("SubmittedAt") FROM "SurveyResponses" WHERE {SubmittedInScope(db, command, surveyId, surveyVersion, communes)}""";
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
    /// (commune, role and age band joined by <see cref="KeptScoreReader.BackgroundSeparator"/>), kept scores (see
    /// <see cref="KeptScoreReader.FlagsOf"/>: whether they are kept under <paramref name="layout"/> with the lengths it gives, and
    /// the two flags), tally, item values (null unless <paramref name="withItems"/>). The database works out all it can: each
    /// value read from a row costs a call.
    /// </summary>
    static DbCommand SubmittedScoresCommand(
        AppDbContext db, SurveyDefinition survey, string layout, IReadOnlyCollection<string>? communes, bool withItems, ResponseHalf half, DateTime? since)
    {
        var command = Command(db);
        void Add(string name, object value) => AddParameter(command, name, value);
        var submitted = SubmittedInScope(db, command, survey.Id, survey.Version, communes);
        ModelParameters.Add(command, db.Property<SurveyResponseRow>(nameof(SurveyResponseRow.ScoredWith)), "@layout", layout);
        Add("@tallyLength", RespondentTally.ByteCount(ScoringPlan.Of(survey)));
        Add("@items", survey.Items.Count());
        Add("@separator", KeptScoreReader.BackgroundSeparator.ToString());
        var inHalf = half switch
        {
            ResponseHalf.Lower => """ AND "Id" < @middle""",
            ResponseHalf.Upper => """ AND "Id" >= @middle""",
            _ => "",
        };
        if (half != ResponseHalf.Both)
        {
            // Ids are random (version 4), so half of them start below 8; as text (SQLite) they sort the same way.
            ModelParameters.Add(command, db.Property<SurveyResponseRow>(nameof(SurveyResponseRow.Id)), "@middle", MiddleId);
        }
        var submittedSince = "";
        if (since is { } from)
        {
            ModelParameters.Add(command, db.Property<SurveyResponseRow>(nameof(SurveyResponseRow.SubmittedAt)), "@since", from);
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
    static string SubmittedInScope(AppDbContext db, DbCommand command, string surveyId, int surveyVersion, IReadOnlyCollection<string>? communes)
    {
        ModelParameters.Add(command, db.Property<SurveyResponseRow>(nameof(SurveyResponseRow.SurveyId)), "@survey", surveyId);
        ModelParameters.Add(command, db.Property<SurveyResponseRow>(nameof(SurveyResponseRow.SurveyVersion)), "@version", surveyVersion);
        var inScope = "";
        if (communes is not null)
        {
            var commune = db.Property<SurveyResponseRow>(nameof(SurveyResponseRow.Commune));
            var names = communes.Select((c, i) => (Name: $"@c{i}", Value: c)).ToList();
            names.ForEach(c => ModelParameters.Add(command, commune, c.Name, c.Value));
            inScope = names.Count == 0 ? " AND 1 = 0" : $""" AND "Commune" IN ({string.Join(", ", names.Select(c => c.Name))})""";
        }
        return $"""
            "SurveyId" = @survey AND "SurveyVersion" = @version AND "SubmittedAt" IS NOT NULL{inScope}
            """;
    }

    /// <summary>
    /// Keeps the scores, counted under <paramref name="layout"/>, of the submitted responses of <paramref name="survey"/>
    /// that have none or others (submitted before scores were kept, or counted with a definition since corrected), so that
    /// reports read them instead of counting each from its answers. Runs at start, never on a request; returns how many.
    /// </summary>
    public async Task<int> KeepMissingScoresAsync(SurveyDefinition survey, string layout, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var missing = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.SurveyId == survey.Id && r.SurveyVersion == survey.Version && r.SubmittedAt != null
                && (r.ScoredWith != layout || r.Tally == null || r.ItemValues == null))
            .Select(r => r.Id).ToListAsync(cancellationToken);
        // One short transaction per chunk: learners are served meanwhile, and on SQLite their writes wait for this lock.
        foreach (var chunk in missing.Chunk(500))
        {
            var counted = await CountedFromAnswersAsync(db, survey, chunk, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (row, scores) in counted)
            {
                // Only the score columns: a submitted response's answers and version no longer change.
                await db.SurveyResponses.Where(r => r.Id == row.Id && r.SubmittedAt != null).ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.ScoredWith, layout)
                    .SetProperty(r => r.Tally, scores.Tally)
                    .SetProperty(r => r.ItemValues, scores.ItemValues)
                    .SetProperty(r => r.FailedAttentionCheck, scores.Flags.FailedAttentionCheck)
                    .SetProperty(r => r.TooFast, scores.Flags.TooFast), cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return missing.Count;
    }

    /// <summary>The scores kept on a submitted response under <paramref name="layout"/>; null when it has none that fit.</summary>
    internal async Task<CountedScores?> KeptScoresAsync(Guid responseId, string layout, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var kept = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.Id == responseId && r.SubmittedAt != null && r.ScoredWith == layout)
            .Select(r => new { r.Tally, r.ItemValues, r.FailedAttentionCheck, r.TooFast })
            .FirstOrDefaultAsync(cancellationToken);
        return kept is { Tally: { } tally, ItemValues: { } items }
            ? new CountedScores(tally, items, CountedScores.FlagsOf(kept.FailedAttentionCheck, kept.TooFast))
            : null;
    }

    /// <summary>The responses <paramref name="ids"/>, each with its scores counted from its answers.</summary>
    static async Task<List<(SurveyResponseRow Row, CountedScores Scores)>> CountedFromAnswersAsync(
        AppDbContext db, SurveyDefinition survey, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var counted = new List<(SurveyResponseRow, CountedScores)>(ids.Count);
        // A few hundred at a time: each id is one SQL parameter, and SQLite takes at most 32,766.
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.SurveyResponses.AsNoTracking().Where(r => chunk.Contains(r.Id)).ToListAsync(cancellationToken);
            var answers = (await db.SurveyAnswers.AsNoTracking().Where(a => chunk.Contains(a.ResponseId)).ToListAsync(cancellationToken))
                .ToLookup(a => a.ResponseId);
            counted.AddRange(rows.Select(row =>
                (row, CountedScores.Of(survey, ToResponse(row, answers[row.Id]).ToRespondentAnswers(row.RespondentId.ToString())))));
        }
        return counted;
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
