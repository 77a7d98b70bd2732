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
    string Version);

/// <summary>A lesson found by slug or alias.</summary>
/// <param name="Lesson">The lesson.</param>
/// <param name="IsAlias">True when found by an old slug: the page should redirect to <see cref="Lesson.Slug"/>.</param>
public sealed record LessonMatch(Lesson Lesson, bool IsAlias);
