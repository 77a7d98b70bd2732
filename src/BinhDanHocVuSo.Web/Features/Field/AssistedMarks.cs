namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// Marks a result earned while a team member guides a citizen (see <see cref="Guiding"/>) as assisted, and by whom: the
/// one call every place that records a result makes after the learner's grain recorded it (a lesson done, a quiz attempt
/// graded, a practice run recorded), whether from a form or from the JSON API. Not guiding: nothing happens.
/// </summary>
public static class AssistedMarks
{
    public const string Lesson = "lesson";
    public const string Quiz = "quiz";
    public const string Practice = "practice";

    /// <summary>
    /// Writes the mark once. <paramref name="once"/> is the attempt or run id: the same attempt sent again (a double tap,
    /// the outbox resending) finds its mark already there. A lesson done is marked once per citizen, member and lesson.
    /// </summary>
    public static async Task NoteAsync(HttpContext http, string kind, string course, string item, Guid? once = null)
    {
        if (Guiding.Of(http) is not { } guided)
        {
            return;
        }
        var id = MarkId(guided.PersonId, once is { } key ? $"{kind}/{key:N}" : $"{kind}/{course}/{item}/{guided.MemberId:N}");
        var services = http.RequestServices;
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.AssistedMarks().AnyAsync(m => m.Id == id, http.RequestAborted))
        {
            return;
        }
        db.AssistedMarks().Add(new AssistedMarkRow
        {
            Id = id, LearnerId = guided.PersonId, MemberId = guided.MemberId, TeamId = guided.TeamId, Kind = kind, CourseSlug = course,
            ItemSlug = item, At = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException)
        {
            // The same attempt sent twice at once: the other request wrote the mark. Anything else is a real failure.
            db.ChangeTracker.Clear();
            if (!await db.AssistedMarks().AnyAsync(m => m.Id == id, http.RequestAborted))
            {
                throw;
            }
        }
    }

    /// <summary>A mark's id, the same for the same result of the same citizen (a name-based id, as RFC 4122 version 5 does).</summary>
    static Guid MarkId(Guid learner, string what)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{learner:N}/{what}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
