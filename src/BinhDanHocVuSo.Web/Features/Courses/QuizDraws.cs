using BinhDanHocVuSo.Content.Quizzes;
using Microsoft.AspNetCore.DataProtection;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>
/// Makes an attempt's draw (<see cref="QuizDraw"/>) from the server's draw key and the attempt's draw id, and makes
/// the same draw again when the answers come back (a form, or the offline queue days later), so that they are graded
/// against what was shown. The seed is HMAC-SHA256(key, "course/quiz/drawId"): without the key nobody can foresee a
/// draw, and the key never leaves the server. Plain and pure, so the rules are tested with a key of their own.
/// </summary>
/// <remarks>
/// The learner is not part of the seed, on purpose: the draw id is a fresh random id the server writes into each page
/// it serves, so two learners (and two visits) already get different draws; and a page may be answered by another
/// learner id than the one that fetched it (a cookie-less visitor becomes a guest with their first answer; a guest who
/// signs in has their history, and their offline queue, taken over by their account). Keyed by the learner, those
/// answers could no longer be matched to what was shown.
/// </remarks>
public sealed class QuizDraws
{
    readonly byte[] _key;

    public QuizDraws(byte[] key)
    {
        if (key.Length < QuizDraw.SeedLength)
        {
            throw new ArgumentException($"A draw key has at least {QuizDraw.SeedLength} bytes.", nameof(key));
        }
        _key = key;
    }

    /// <summary>The draw of <paramref name="drawId"/> for <paramref name="quiz"/> of the course <paramref name="courseSlug"/>.</summary>
    public QuizDraw For(string courseSlug, Quiz quiz, Guid drawId)
    {
        Span<byte> seed = stackalloc byte[QuizDraw.SeedLength];
        var input = Encoding.UTF8.GetBytes($"{courseSlug}/{quiz.Id}/{drawId:N}");
        HMACSHA256.HashData(_key, input, seed);
        return QuizDraw.Make(quiz, seed);
    }

    /// <summary>The messages of the drill run <paramref name="runId"/>: drawn under the same key, in a space of its own ("course/drill/id/run").</summary>
    public BinhDanHocVuSo.Content.Practice.DrillDraw ForDrill(string courseSlug, BinhDanHocVuSo.Content.Practice.Drill drill,
        BinhDanHocVuSo.Content.Practice.DrillBank bank, Guid runId)
    {
        Span<byte> seed = stackalloc byte[QuizDraw.SeedLength];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{courseSlug}/drill/{drill.Id}/{runId:N}"), seed);
        return BinhDanHocVuSo.Content.Practice.DrillDraw.Make(drill, bank, seed);
    }

    /// <summary>How many fresh draw ids <see cref="Covering"/> tries before it settles for the best it found.</summary>
    public const int CoveringTries = 64;

    /// <summary>
    /// A fresh draw that shows as many of <paramref name="objectives"/> (those due for review) as it can: fresh draw ids
    /// are tried until one shows them all (at most <see cref="CoveringTries"/>). The draw stays an ordinary draw of its id,
    /// so grading and replays work as for any other; a quiz that shows every question, or no objective due, takes the
    /// first id.
    /// </summary>
    public (Guid DrawId, QuizDraw Draw) Covering(string courseSlug, Quiz quiz, IReadOnlyCollection<string>? objectives)
    {
        var drawId = Guid.NewGuid();
        var best = For(courseSlug, quiz, drawId);
        if (quiz.Draw is null || objectives is not { Count: > 0 })
        {
            return (drawId, best);
        }
        var bestShown = Shown(best, objectives);
        for (var tries = 1; tries < CoveringTries && bestShown < objectives.Count; tries++)
        {
            var id = Guid.NewGuid();
            var draw = For(courseSlug, quiz, id);
            if (Shown(draw, objectives) is var shown && shown > bestShown)
            {
                (drawId, best, bestShown) = (id, draw, shown);
            }
        }
        return (drawId, best);
    }

    static int Shown(QuizDraw draw, IReadOnlyCollection<string> objectives) =>
        draw.Questions.Select(q => q.Question.Objective).Distinct(StringComparer.Ordinal).Count(objectives.Contains);
}

/// <summary>
/// The draw key: 32 random bytes made once and kept in the database (table <c>ServerSecrets</c>), encrypted with
/// ASP.NET Core Data Protection like the other keys, so every silo draws alike and a restart keeps attempts gradable.
/// Read once per process; never logged, never sent to a browser.
/// </summary>
public sealed class QuizDrawKey(IDbContextFactory<AppDbContext> contexts, IDataProtectionProvider protection, ILogger<QuizDrawKey> logger)
{
    public const string SecretName = "quiz-draw";

    readonly IDataProtector _protector = protection.CreateProtector("BinhDanHocVuSo.QuizDrawKey");
    readonly SemaphoreSlim _loading = new(1, 1);
    QuizDraws? _draws;

    /// <summary>The draws under the kept key (made and stored the first time).</summary>
    public ValueTask<QuizDraws> GetAsync(CancellationToken cancellationToken = default) =>
        _draws is { } draws ? ValueTask.FromResult(draws) : new ValueTask<QuizDraws>(LoadAsync(cancellationToken));

    async Task<QuizDraws> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            return _draws ??= new QuizDraws(await ReadOrCreateAsync(cancellationToken));
        }
        finally
        {
            _loading.Release();
        }
    }

    async Task<byte[]> ReadOrCreateAsync(CancellationToken cancellationToken)
    {
        for (var tries = 0; ; tries++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var kept = await db.ServerSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == SecretName, cancellationToken);
            if (kept is not null)
            {
                try
                {
                    return _protector.Unprotect(Convert.FromBase64String(kept.Value));
                }
                catch (CryptographicException)
                {
                    // The data-protection key that encrypted it is gone: attempts under the old key cannot be matched
                    // any more, but new ones can. Say so (without the key) and make a new one.
                    logger.LogWarning("The quiz draw key could not be decrypted (its data-protection key is gone); a new one is made. Attempts drawn before cannot be graded.");
                    db.ServerSecrets.Remove(kept);
                    await db.SaveChangesAsync(cancellationToken);
                    continue;
                }
            }
            var key = RandomNumberGenerator.GetBytes(QuizDraw.SeedLength);
            db.ServerSecrets.Add(new ServerSecretRow { Name = SecretName, Value = Convert.ToBase64String(_protector.Protect(key)) });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return key;
            }
            catch (DbUpdateException) when (tries < 3)
            {
                // Another silo stored its key first: read that one, so that all draw alike.
            }
        }
    }
}
