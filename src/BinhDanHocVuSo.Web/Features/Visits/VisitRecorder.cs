using BinhDanHocVuSo.Web.Features.Field;

namespace BinhDanHocVuSo.Web.Features.Visits;

/// <summary>The villages a team member may record a visit for: each of their teams with the villages it covers.</summary>
public sealed record TeamPlaces(TeamRow Team, IReadOnlyList<VillageRow> Villages);

/// <summary>
/// Keeps a team member's visit, from the JSON API (the phone's offline queue) or the visit form: checks it whole, then
/// registers each person helped (<see cref="AssistedPeople"/>), writes the visit, its people and an assisted mark per
/// lesson in one transaction, and credits the lessons to each person's learner grain. The visit id is the phone's: the
/// same visit sent again adds nothing and answers what was kept the first time; the same id from another team or member
/// is refused (409).
/// </summary>
public sealed class VisitRecorder(AppDbContext db, AssistedPeople assisted, ICourseCatalogSource catalog, IGrainFactory grains,
    VietnamClock clock, IStringLocalizer<VisitText> text, ILogger<VisitRecorder> log)
{
    public const int MaxPeople = 20;
    public const int MaxLessons = 200;
    public const string LessonMark = "lesson";

    public async Task<IReadOnlyList<TeamPlaces>> PlacesAsync(Guid member, CancellationToken cancellationToken)
    {
        var teams = await db.TeamMembers().Where(m => m.TrainerId == member)
            .Join(db.Teams(), m => m.TeamId, t => t.Id, (m, t) => t).AsNoTracking().ToListAsync(cancellationToken);
        var ids = teams.Select(t => t.Id).ToList();
        var covered = await db.TeamVillages().Where(tv => ids.Contains(tv.TeamId))
            .Join(db.Villages(), tv => tv.VillageId, v => v.Id, (tv, v) => new { tv.TeamId, Village = v }).AsNoTracking().ToListAsync(cancellationToken);
        return [.. teams.OrderByName(t => t.Name).Select(t => new TeamPlaces(t,
            [.. covered.Where(c => c.TeamId == t.Id).Select(c => c.Village).OrderByName(v => v.Name)]))
            .Where(p => p.Villages.Count > 0)];
    }

    public async Task<VisitOutcome> RecordAsync(Guid member, VisitRequest request, CancellationToken cancellationToken)
    {
        var places = await PlacesAsync(member, cancellationToken);
        if (places.Count == 0)
        {
            return new(StatusCodes.Status403Forbidden, Problem: text["NotMember"]);
        }
        if (request.VisitId == Guid.Empty)
        {
            return VisitOutcome.Invalid("visitId", text["MissingVisitId"]);
        }
        if (await db.Visits().AsNoTracking().FirstOrDefaultAsync(v => v.Id == request.VisitId, cancellationToken) is { } kept)
        {
            return await AgainAsync(kept, member, request, cancellationToken);
        }
        if (Unclean(request) is { } field)
        {
            return VisitOutcome.Invalid(field, text["Unreadable", field]);
        }
        if (string.IsNullOrWhiteSpace(request.VillageId))
        {
            return VisitOutcome.Invalid("villageId", text["VillageMissing"]);
        }
        var place = places.FirstOrDefault(p => p.Team.Id == request.TeamId);
        if (place is null || place.Villages.All(v => v.Id != request.VillageId))
        {
            return new(StatusCodes.Status404NotFound, Problem: text["NotYourVillage"], Field: "villageId");
        }
        if (Check(request) is { } invalid)
        {
            return invalid;
        }
        var people = request.People!;
        var now = clock.UtcNow;
        var visit = new VisitRow
        {
            Id = request.VisitId, TeamId = place.Team.Id, VillageId = request.VillageId, Commune = place.Team.Commune, MemberId = member,
            VisitedOn = request.VisitedOn!.Value, Note = Note(request.Note), RecordedAt = Recorded(request.RecordedAt, now), ReceivedAt = now,
        };
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The person each entry is: a number registered before finds that person, whose id then stands for the entry's.
            var ids = new Guid[people.Count];
            for (var i = 0; i < people.Count; i++)
            {
                var person = people[i];
                var form = new AssistedPersonForm(person.Kind, person.Phone, person.HouseholdPhone, person.FullName, person.BirthYear, request.VillageId, person.Consent);
                var registration = await assisted.RegisterAsync(person.PersonId, place.Team, member, form, cancellationToken);
                if (registration.Problem is { } problem)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    return VisitOutcome.Invalid(PersonField(i, registration.Field), text["PersonProblem", i + 1, problem]);
                }
                ids[i] = registration.Person!.UserId;
            }
            db.Visits().Add(visit);
            db.VisitPeople().AddRange(ids.Distinct().Select(id => new VisitPersonRow { VisitId = visit.Id, PersonId = id }));
            db.AssistedMarks().AddRange(people.SelectMany((p, i) => Lessons(p).Select(l => (Id: ids[i], Lesson: l))).Distinct().Select(m => new AssistedMarkRow
            {
                Id = Guid.NewGuid(), LearnerId = m.Id, MemberId = member, TeamId = place.Team.Id, Kind = LessonMark,
                CourseSlug = m.Lesson.Course!, ItemSlug = m.Lesson.Lesson!, At = now, VisitId = visit.Id,
            }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same visit sent twice at once (two tabs sending the queue): the other request kept it.
            db.ChangeTracker.Clear();
            if (await db.Visits().AsNoTracking().FirstOrDefaultAsync(v => v.Id == request.VisitId, CancellationToken.None) is { } meanwhile)
            {
                return await AgainAsync(meanwhile, member, request, cancellationToken);
            }
            throw;
        }
        return await CreditAsync(visit, cancellationToken);
    }

    /// <summary>The visits the member recorded, newest first, with their people and lessons counted.</summary>
    public async Task<IReadOnlyList<(VisitRow Visit, string Village, int People, int Lessons)>> LogAsync(Guid member, int take, CancellationToken cancellationToken)
    {
        var rows = await db.Visits().AsNoTracking().Where(v => v.MemberId == member)
            .OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.ReceivedAt).Take(take)
            .Select(v => new
            {
                Visit = v,
                Village = db.Villages().Where(x => x.Id == v.VillageId).Select(x => x.Name).FirstOrDefault(),
                People = db.VisitPeople().Count(p => p.VisitId == v.Id),
                Lessons = db.AssistedMarks().Count(m => m.VisitId == v.Id),
            }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Visit, r.Village ?? r.Visit.VillageId, r.People, r.Lessons))];
    }

    /// <summary>A visit id already kept: the same member's same team gets the first answer (and its lessons credited again, harmlessly); anyone else a 409.</summary>
    async Task<VisitOutcome> AgainAsync(VisitRow kept, Guid member, VisitRequest request, CancellationToken cancellationToken) =>
        kept.MemberId != member || kept.TeamId != request.TeamId
            ? new(StatusCodes.Status409Conflict, Problem: text["IdTaken"], Field: "visitId")
            : await CreditAsync(kept, cancellationToken);

    /// <summary>
    /// Credits each lesson marked in the visit to its person, then answers what the visit holds. Run again on every resend:
    /// a lesson done again is harmless, and a credit the silo could not take the first time (503) is taken then.
    /// </summary>
    async Task<VisitOutcome> CreditAsync(VisitRow visit, CancellationToken cancellationToken)
    {
        var marks = await db.AssistedMarks().AsNoTracking().Where(m => m.VisitId == visit.Id && m.Kind == LessonMark).ToListAsync(cancellationToken);
        try
        {
            foreach (var mark in marks)
            {
                try
                {
                    await grains.GetGrain<ILearnerGrain>(mark.LearnerId).CompleteLesson(mark.CourseSlug, mark.ItemSlug);
                }
                catch (LearningException e)
                {
                    // The course changed since the visit was kept: the mark stays, there is nothing left to credit.
                    log.LogWarning("Visit {Visit}: lesson {Course}/{Lesson} not credited ({Problem})", visit.Id, mark.CourseSlug, mark.ItemSlug, e.Problem);
                }
            }
        }
        catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
        {
            return new(StatusCodes.Status503ServiceUnavailable, Problem: text["Busy"]);
        }
        var people = await db.VisitPeople().CountAsync(p => p.VisitId == visit.Id, cancellationToken);
        return VisitOutcome.Kept(new VisitResult(visit.Id, visit.TeamId, visit.VillageId, visit.VisitedOn, people, marks.Count));
    }

    /// <summary>The first thing wrong with the visit's own fields, its people's ids and consent, and their lessons; null when none is.</summary>
    VisitOutcome? Check(VisitRequest request)
    {
        var today = clock.Today;
        if (request.VisitedOn is not { } day)
        {
            return VisitOutcome.Invalid("visitedOn", text["DateMissing"]);
        }
        // A day of slack for a phone whose clock is a little ahead.
        if (day > today.AddDays(1))
        {
            return VisitOutcome.Invalid("visitedOn", text["DateFuture"]);
        }
        if (day < today.AddYears(-1))
        {
            return VisitOutcome.Invalid("visitedOn", text["DateOld"]);
        }
        var note = Note(request.Note) ?? "";
        if (note.Length > Data.EntityConfigurations.VisitConfiguration.NoteLength || note.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            return VisitOutcome.Invalid("note", text["NoteTooLong", Data.EntityConfigurations.VisitConfiguration.NoteLength]);
        }
        var people = request.People ?? [];
        if (people.Count == 0)
        {
            return VisitOutcome.Invalid("people", text["NoPeople"]);
        }
        if (people.Count > MaxPeople)
        {
            return VisitOutcome.Invalid("people", text["TooManyPeople", MaxPeople]);
        }
        var seen = new HashSet<Guid>();
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            if (person is null || person.PersonId == Guid.Empty)
            {
                return VisitOutcome.Invalid($"people[{i}].personId", text["PersonIdMissing", i + 1]);
            }
            if (!seen.Add(person.PersonId))
            {
                return VisitOutcome.Invalid($"people[{i}].personId", text["PersonTwice", i + 1]);
            }
            if (!person.Consent)
            {
                return VisitOutcome.Invalid($"people[{i}].consent", text["ConsentMissing", i + 1]);
            }
            var lessons = person.Lessons ?? [];
            if (lessons.Count > MaxLessons)
            {
                return VisitOutcome.Invalid($"people[{i}].lessons", text["TooManyLessons", i + 1, MaxLessons]);
            }
            for (var j = 0; j < lessons.Count; j++)
            {
                var (course, lesson) = (lessons[j]?.Course, lessons[j]?.Lesson);
                if (course is null || lesson is null || catalog.Current.Find(course) is not { } found || found.Lessons.All(l => l.Slug != lesson))
                {
                    return VisitOutcome.Invalid($"people[{i}].lessons[{j}]", text["UnknownLesson", i + 1, $"{course}/{lesson}"]);
                }
            }
        }
        return null;
    }

    /// <summary>The first field holding a NUL or a broken Unicode character (which no database stores as sent), if any.</summary>
    static string? Unclean(VisitRequest request)
    {
        if (!RequestGuards.IsClean(request.VillageId))
        {
            return "villageId";
        }
        if (!RequestGuards.IsClean(request.Note))
        {
            return "note";
        }
        for (var i = 0; i < (request.People?.Count ?? 0); i++)
        {
            if (request.People![i] is not { } p)
            {
                continue;
            }
            foreach (var (name, value) in new[] { ("kind", p.Kind), ("phone", p.Phone), ("householdPhone", p.HouseholdPhone), ("fullName", p.FullName) })
            {
                if (!RequestGuards.IsClean(value))
                {
                    return $"people[{i}].{name}";
                }
            }
            var lessons = p.Lessons ?? [];
            for (var j = 0; j < lessons.Count; j++)
            {
                if (!RequestGuards.IsClean(lessons[j]?.Course) || !RequestGuards.IsClean(lessons[j]?.Lesson))
                {
                    return $"people[{i}].lessons[{j}]";
                }
            }
        }
        return null;
    }

    static IEnumerable<VisitLesson> Lessons(VisitPersonRequest person) => (person.Lessons ?? []).Distinct();

    static string PersonField(int index, string? field) =>
        field is null or "" ? $"people[{index}]" : $"people[{index}].{char.ToLowerInvariant(field[0])}{field[1..]}";

    static string? Note(string? note)
    {
        var text = note?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Normalize(NormalizationForm.FormC);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>The phone's clock, in UTC; a time that cannot be right (before the platform, or ahead of the server) is replaced by the server's.</summary>
    static DateTime Recorded(DateTime? phone, DateTime now)
    {
        if (phone is not { } at)
        {
            return now;
        }
        var utc = at.Kind switch { DateTimeKind.Local => at.ToUniversalTime(), DateTimeKind.Unspecified => DateTime.SpecifyKind(at, DateTimeKind.Utc), _ => at };
        return utc > now.AddDays(1) || utc < now.AddYears(-2) ? now : utc;
    }
}
