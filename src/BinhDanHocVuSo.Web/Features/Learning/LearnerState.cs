namespace BinhDanHocVuSo.Web.Features.Learning;

/// <summary>
/// Everything a learner has done, as the grain holds it in memory. <see cref="Version"/> is the row version
/// in the database that this copy was read at; a write from a stale copy is refused.
/// </summary>
public sealed record LearnerState(
    long Version,
    ImmutableDictionary<string, CourseState> Courses,
    ImmutableDictionary<Guid, QuizResult> Attempts,
    ImmutableSortedSet<DateOnly> ActiveDays)
{
    public static LearnerState New { get; } = new(0, ImmutableDictionary<string, CourseState>.Empty,
        ImmutableDictionary<Guid, QuizResult>.Empty, []);

    /// <summary>Finished runs of practice blocks (simulations and scam drills), by run id.</summary>
    public ImmutableDictionary<Guid, PracticeRunResult> Runs { get; init; } = ImmutableDictionary<Guid, PracticeRunResult>.Empty;

    public CourseState? Course(string slug) => Courses.GetValueOrDefault(slug);
}

public sealed record CourseState(
    DateTime StartedAt,
    DateTime? CompletedAt,
    string? LastLessonSlug,
    ImmutableDictionary<string, LessonDone> Lessons)
{
    public static CourseState StartedOn(DateTime at) => new(at, null, null, ImmutableDictionary<string, LessonDone>.Empty);
}

/// <summary>A completed lesson and the version of the lesson file the learner read.</summary>
public sealed record LessonDone(string Version, DateTime At);
