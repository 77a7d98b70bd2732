using BinhDanHocVuSo.Web.Data.EntityConfigurations;
using BinhDanHocVuSo.Web.Features.Field;

namespace BinhDanHocVuSo.Web.Features.Posters;

/// <summary>What became of a scan sent by the page a poster's QR code opened.</summary>
public enum ScanOutcome
{
    Counted,

    /// <summary>The same scan id again (the phone sent it twice): nothing added.</summary>
    AlreadyCounted,

    UnknownPoster,

    /// <summary>The scan id was already counted for another poster: a phone never does that, so it is refused.</summary>
    OtherPoster,
}

/// <summary>
/// Posters placed in a commune (a one-stop counter, a cultural house): who may place them, their short codes, and their
/// scans. A placed poster's QR code opens <c>/q/{code}</c>, which leads to the course or lesson; the page then sends the
/// scan (<see cref="PosterScansApi"/>), because a GET never writes.
/// </summary>
public sealed class PlacedPosters(AppDbContext db, CommuneDirectory communes, VietnamClock clock)
{
    /// <summary>Letters and digits nobody confuses (no 0/O, 1/I), as in group codes.</summary>
    const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>8 characters of 32: about 10^12 codes, so a code is not found by trying others.</summary>
    public const int CodeLength = 8;

    public const int PlaceLength = PosterConfiguration.PlaceLength;

    /// <summary>
    /// The communes where a person places posters: every commune for an administrator, a leader's commune, and the
    /// communes of the teams a team member belongs to.
    /// </summary>
    public async Task<IReadOnlyList<Commune>> CommunesAsync(FieldReach reach, CancellationToken cancellationToken)
    {
        if (reach.Province)
        {
            return [.. communes.Provinces.SelectMany(p => p.Communes)];
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (reach.LedCommune is { } led)
        {
            ids.Add(led);
        }
        if (reach.Teams.Count > 0)
        {
            var teams = reach.Teams;
            ids.UnionWith(await db.Teams().Where(t => teams.Contains(t.Id)).Select(t => t.Commune).ToListAsync(cancellationToken));
        }
        return [.. ids.Select(communes.Find).OfType<Commune>().OrderBy(c => c.Name, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false))];
    }

    /// <summary>A code as typed or scanned, in the stored form (upper case), or null when it cannot be one.</summary>
    public static string? Normalize(string? code) =>
        code is { Length: > 0 and <= PosterConfiguration.CodeLength } && code.All(char.IsAsciiLetterOrDigit) ? code.ToUpperInvariant() : null;

    public async Task<PosterRow?> FindAsync(string? code, CancellationToken cancellationToken) =>
        Normalize(code) is { } normalized
            ? await db.Posters().AsNoTracking().FirstOrDefaultAsync(p => p.Code == normalized, cancellationToken)
            : null;

    /// <summary>The posters of these communes, newest first.</summary>
    public async Task<IReadOnlyList<PosterRow>> OfAsync(IReadOnlyList<string> communeIds, CancellationToken cancellationToken) =>
        await db.Posters().AsNoTracking().Where(p => communeIds.Contains(p.Commune))
            .OrderByDescending(p => p.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>Stores a new poster under a fresh code (drawn again in the unlikely case it is taken).</summary>
    public async Task<PosterRow> CreateAsync(string commune, string course, string? lesson, string place, Guid by, CancellationToken cancellationToken)
    {
        for (var tries = 1; ; tries++)
        {
            var poster = new PosterRow
            {
                Code = NewCode(), Commune = commune, CourseSlug = course, LessonSlug = lesson, Place = place, CreatedBy = by, CreatedAt = clock.UtcNow,
            };
            if (await db.Posters().AnyAsync(p => p.Code == poster.Code, cancellationToken))
            {
                continue;
            }
            db.Posters().Add(poster);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return poster;
            }
            catch (DbUpdateException e) when (tries < 3 && !RequestFailures.IsStorageFailure(e))
            {
                // Another request took the same code in between: draw again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Counts one scan of a poster, once: the scan id is the primary key, so a resend (the answer was lost, the phone
    /// was offline) adds nothing. The time is the server's when the scan arrives.
    /// </summary>
    public async Task<ScanOutcome> CountScanAsync(string code, Guid scanId, CancellationToken cancellationToken)
    {
        if (await StoredAsync(scanId, cancellationToken) is { } stored)
        {
            return stored == code ? ScanOutcome.AlreadyCounted : ScanOutcome.OtherPoster;
        }
        if (!await db.Posters().AnyAsync(p => p.Code == code, cancellationToken))
        {
            return ScanOutcome.UnknownPoster;
        }
        db.PosterScans().Add(new PosterScanRow { Id = scanId, PosterCode = code, At = clock.UtcNow });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ScanOutcome.Counted;
        }
        catch (DbUpdateException e) when (!RequestFailures.IsStorageFailure(e))
        {
            // The same scan sent twice at the same moment: the other request stored it.
            db.ChangeTracker.Clear();
            if (await StoredAsync(scanId, cancellationToken) is not { } other)
            {
                throw;
            }
            return other == code ? ScanOutcome.AlreadyCounted : ScanOutcome.OtherPoster;
        }
    }

    Task<string?> StoredAsync(Guid scanId, CancellationToken cancellationToken) =>
        db.PosterScans().AsNoTracking().Where(s => s.Id == scanId).Select(s => s.PosterCode).FirstOrDefaultAsync(cancellationToken);

    static string NewCode() => string.Create(CodeLength, 0, (chars, _) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
    });
}
