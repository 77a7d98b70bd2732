namespace BinhDanHocVuSo.Web.Features.Visits;

/// <summary>
/// A visit as the team member's phone sends it to <c>POST /api/visits</c> (or as the visit form posts it). The visit id
/// and each person's id are made by the phone when the form is filled, so that sending the same visit again, after a
/// lost answer or from a queue kept across a closed tab, records it once.
/// </summary>
public sealed record VisitRequest(
    Guid VisitId, Guid TeamId, string? VillageId, DateOnly? VisitedOn, string? Note, DateTime? RecordedAt, IReadOnlyList<VisitPersonRequest>? People);

/// <summary>A person helped in the visit: how the team knows them (<see cref="AssistedKinds"/>), their consent, and the lessons gone through together.</summary>
public sealed record VisitPersonRequest(
    Guid PersonId, string? Kind, string? Phone, string? HouseholdPhone, string? FullName, int? BirthYear, bool Consent, IReadOnlyList<VisitLesson>? Lessons);

/// <summary>A lesson done together, by course and lesson slug.</summary>
public sealed record VisitLesson(string? Course, string? Lesson);

/// <summary>What the server kept of a visit: the same answer however often the visit is sent.</summary>
public sealed record VisitResult(Guid VisitId, Guid TeamId, string VillageId, DateOnly VisitedOn, int People, int Lessons);

/// <summary>
/// The answer to a visit sent: <see cref="Result"/> when it is kept (the first time or again), else a status (400, 403,
/// 404, 409, 503) with a Vietnamese reason and, for a 400, the request field it is about (<c>people[1].phone</c>).
/// </summary>
public sealed record VisitOutcome(int Status, VisitResult? Result = null, string? Problem = null, string? Field = null)
{
    public static VisitOutcome Kept(VisitResult result) => new(StatusCodes.Status200OK, result);

    public static VisitOutcome Invalid(string field, string problem) => new(StatusCodes.Status400BadRequest, Problem: problem, Field: field);
}
