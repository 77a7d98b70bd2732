using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Content.Courses;

/// <summary>A lesson: one Markdown file of a course.</summary>
/// <param name="Slug">Stable slug, unique in the course: <c>/c/{course}/{lesson}</c>.</param>
/// <param name="Title">Title shown to learners.</param>
/// <param name="Minutes">Estimated reading time.</param>
/// <param name="Order">Position in the course.</param>
/// <param name="Aliases">Old slugs that redirect to this lesson.</param>
/// <param name="Html">The lesson page HTML, including its quiz form where the author placed it.</param>
/// <param name="Quiz">The lesson's quiz (id = lesson slug), or null.</param>
/// <param name="FilePath">Absolute path of the Markdown file.</param>
/// <param name="Version">Short hash of the file's bytes.</param>
public sealed record Lesson(
    string Slug,
    string Title,
    int Minutes,
    int Order,
    IReadOnlyList<string> Aliases,
    string Html,
    Quiz? Quiz,
    string FilePath,
    string Version)
{
    /// <summary>The lesson's simulations (<c>??? practice</c>), in page order. The lesson is complete only when each is passed.</summary>
    public IReadOnlyList<BinhDanHocVuSo.Content.Practice.Practice> Practices { get; init; } = [];

    /// <summary>The lesson's scam drills (<c>??? drill</c>), in page order. The lesson is complete only when each is passed.</summary>
    public IReadOnlyList<BinhDanHocVuSo.Content.Practice.Drill> Drills { get; init; } = [];

    /// <summary>The practice or drill with this id (ids are unique in a course), as (practice, drill); both null when none.</summary>
    public (BinhDanHocVuSo.Content.Practice.Practice? Practice, BinhDanHocVuSo.Content.Practice.Drill? Drill) FindExercise(string id) =>
        (Practices.FirstOrDefault(p => p.Id == id), Drills.FirstOrDefault(d => d.Id == id));

    /// <summary>Ids of the lesson's practices and drills, which must all be passed for the lesson to be complete.</summary>
    public IEnumerable<string> ExerciseIds => Practices.Select(p => p.Id).Concat(Drills.Select(d => d.Id));
}

/// <summary>A lesson found by slug or alias.</summary>
/// <param name="Lesson">The lesson.</param>
/// <param name="IsAlias">True when found by an old slug: the page should redirect to <see cref="Lesson.Slug"/>.</param>
public sealed record LessonMatch(Lesson Lesson, bool IsAlias);
