using BinhDanHocVuSo.Content.Courses;

namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>What course mapping needs to know of a course (spec section d).</summary>
/// <param name="Slug">The course's stable slug; the last tie-break.</param>
/// <param name="Competences">Competence ids the course develops.</param>
/// <param name="EntryLevel">The level a learner needs to start it.</param>
/// <param name="ExitLevel">The level it brings learners to.</param>
/// <param name="Minutes">How long it takes.</param>
public sealed record CourseOffer(string Slug, IReadOnlyList<string> Competences, int EntryLevel, int ExitLevel, int Minutes)
{
    /// <summary>The offer of a loaded course.</summary>
    public static CourseOffer From(Course course) => new(course.Slug, course.Competences, course.EntryLevel, course.ExitLevel, course.Minutes);
}
