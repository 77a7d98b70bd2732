namespace BinhDanHocVuSo.Web.Data;

// The teams' outreach (issue 21): citizens learning with a team member's help ("Hướng dẫn tại nhà"), the team's visits
// to villages (recorded offline and sent later) and the QR posters whose scans are counted. Reached through OutreachData
// rather than DbSets on AppDbContext, like the field rows.

/// <summary>How an assisted citizen is known to the team.</summary>
public static class AssistedKinds
{
    /// <summary>By their own phone number: signing up later with it takes over the account.</summary>
    public const string Phone = "phone";

    /// <summary>By the number of a member of their household (shared by several people).</summary>
    public const string Household = "household";

    /// <summary>No phone: by name and year of birth, under the team.</summary>
    public const string NoPhone = "nophone";
}

/// <summary>
/// A citizen registered by a team member. The person is an account (<see cref="AppUser"/>, the same id, no password,
/// so no one can sign in to it) of the team's commune whose village is recorded, so that every progress figure counts
/// them like anyone else; this row says how the team knows them and that they consented.
/// </summary>
public sealed class AssistedPersonRow
{
    /// <summary>The account's id, which is also the learner id; chosen by the team member's phone, so registering again
    /// (a visit sent twice) finds the same person.</summary>
    public Guid UserId { get; set; }

    public Guid TeamId { get; set; }
    public required string Commune { get; set; }
    public required string VillageId { get; set; }

    /// <summary>One of <see cref="AssistedKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The person's own number (kind phone), in the form <c>PhoneNumber</c> normalises to.</summary>
    public string? Phone { get; set; }

    /// <summary>The household member's number (kind household).</summary>
    public string? HouseholdPhone { get; set; }

    public required string FullName { get; set; }
    public int? BirthYear { get; set; }

    /// <summary>When the person read the consent text on the screen and the team member confirmed it.</summary>
    public DateTime ConsentAt { get; set; }

    /// <summary>The team member who registered the person and confirmed their consent.</summary>
    public Guid RegisteredBy { get; set; }

    public DateTime RegisteredAt { get; set; }

    /// <summary>When the person signed up with their own number and took the account over; null until then.</summary>
    public DateTime? AdoptedAt { get; set; }
}

/// <summary>
/// A result earned with a team member's help: a lesson done, a quiz or a practice block passed while the member was
/// guiding the person. The result itself is the learner's like any other; this row marks it assisted, and by whom.
/// </summary>
public sealed class AssistedMarkRow
{
    public Guid Id { get; set; }
    public Guid LearnerId { get; set; }
    public Guid MemberId { get; set; }
    public Guid TeamId { get; set; }

    /// <summary><c>lesson</c>, <c>quiz</c> or <c>practice</c>.</summary>
    public required string Kind { get; set; }

    public required string CourseSlug { get; set; }

    /// <summary>The lesson, quiz or practice block's slug.</summary>
    public required string ItemSlug { get; set; }

    public DateTime At { get; set; }

    /// <summary>The visit it was earned in, when recorded through the visit form.</summary>
    public Guid? VisitId { get; set; }
}

/// <summary>A team member's visit to a village. Its id is chosen by the phone that recorded it, so sending it again adds nothing.</summary>
public sealed class VisitRow
{
    public Guid Id { get; set; }
    public Guid TeamId { get; set; }
    public required string VillageId { get; set; }
    public required string Commune { get; set; }
    public Guid MemberId { get; set; }
    public DateOnly VisitedOn { get; set; }

    /// <summary>What the member noted (at most 500 characters).</summary>
    public string? Note { get; set; }

    /// <summary>When the phone recorded the visit (the phone's clock, UTC).</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>When the server received it.</summary>
    public DateTime ReceivedAt { get; set; }
}

/// <summary>A person the team helped in a visit (an assisted person).</summary>
public sealed class VisitPersonRow
{
    public Guid VisitId { get; set; }
    public Guid PersonId { get; set; }
}

/// <summary>
/// A QR poster printed for a place in a commune (a one-stop counter, a cultural house): its QR code leads through
/// <c>/q/{code}</c> to the course or lesson, so its scans can be counted per poster and per commune.
/// </summary>
public sealed class PosterRow
{
    /// <summary>The short code in the QR address.</summary>
    public required string Code { get; set; }

    public required string Commune { get; set; }
    public required string CourseSlug { get; set; }
    public string? LessonSlug { get; set; }

    /// <summary>Where it hangs, as the person who printed it wrote it.</summary>
    public required string Place { get; set; }

    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One scan of a poster, sent by the page the QR code opened; its id makes sending it again harmless.</summary>
public sealed class PosterScanRow
{
    public Guid Id { get; set; }
    public required string PosterCode { get; set; }
    public DateTime At { get; set; }
}

/// <summary>The outreach tables, reached without DbSets on <see cref="AppDbContext"/>.</summary>
public static class OutreachData
{
    public static DbSet<AssistedPersonRow> AssistedPeople(this AppDbContext db) => db.Set<AssistedPersonRow>();
    public static DbSet<AssistedMarkRow> AssistedMarks(this AppDbContext db) => db.Set<AssistedMarkRow>();
    public static DbSet<VisitRow> Visits(this AppDbContext db) => db.Set<VisitRow>();
    public static DbSet<VisitPersonRow> VisitPeople(this AppDbContext db) => db.Set<VisitPersonRow>();
    public static DbSet<PosterRow> Posters(this AppDbContext db) => db.Set<PosterRow>();
    public static DbSet<PosterScanRow> PosterScans(this AppDbContext db) => db.Set<PosterScanRow>();
}
