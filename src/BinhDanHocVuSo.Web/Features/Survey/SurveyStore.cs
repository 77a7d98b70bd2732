using System.Collections.Immutable;
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

    /// <summary>All responses of a survey version (submitted only, unless asked), with their answers, for reports.</summary>
    public static async Task<IReadOnlyList<(SurveyResponseRow Row, SurveyResponse Response)>> SubmittedAsync(
        AppDbContext db, string surveyId, int surveyVersion, IReadOnlyCollection<string>? communes, CancellationToken cancellationToken = default)
    {
        var query = db.SurveyResponses.AsNoTracking()
            .Where(r => r.SurveyId == surveyId && r.SurveyVersion == surveyVersion && r.SubmittedAt != null);
        if (communes is not null)
        {
            query = query.Where(r => communes.Contains(r.Commune));
        }
        var rows = await query.ToListAsync(cancellationToken);
        // A sub-query, not a list of ids: SQLite refuses more than 32,766 parameters, and a province has more responses.
        var ids = query.Select(r => r.Id);
        var answers = (await db.SurveyAnswers.AsNoTracking().Where(a => ids.Contains(a.ResponseId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.ResponseId);
        return [.. rows.Select(r => (r, ToResponse(r, answers[r.Id])))];
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
