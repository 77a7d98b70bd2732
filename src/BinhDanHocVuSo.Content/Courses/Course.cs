using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Content.Courses;

/// <summary>A course: a folder with <c>course.md</c> and one Markdown file per lesson.</summary>
/// <param name="Slug">Stable slug, unique in the catalogue: <c>/c/{slug}</c>.</param>
/// <param name="Title">Title shown in the catalogue.</param>
/// <param name="Summary">One or two sentences for the catalogue.</param>
/// <param name="Audience">Who the course is for.</param>
/// <param name="Competences">Ids of the competences the course builds (e.g. "4.2"), in front matter order; all exist in the competence model.</param>
/// <param name="EntryLevel">Level needed before the course (0–6).</param>
/// <param name="ExitLevel">Level the course brings learners to (0–6).</param>
/// <param name="Minutes">Estimated total minutes.</param>
/// <param name="Order">Position in the catalogue.</param>
/// <param name="PassMark">Percent needed in the final quiz (default 80).</param>
/// <param name="IntroHtml">The introduction of course.md, without the final quiz (see <see cref="FinalQuizHtml"/>).</param>
/// <param name="Lessons">Lessons sorted by order, then slug.</param>
/// <param name="FinalQuiz">The final quiz (id "final"), or null.</param>
/// <param name="DirectoryPath">Absolute path of the course folder; images are served from it.</param>
/// <param name="Version">Short hash of course.md's bytes.</param>
public sealed record Course(
    string Slug,
    string Title,
    string Summary,
    string Audience,
    IReadOnlyList<string> Competences,
    int EntryLevel,
    int ExitLevel,
    int Minutes,
    int Order,
    int PassMark,
    string IntroHtml,
    IReadOnlyList<Lesson> Lessons,
    Quiz? FinalQuiz,
    string DirectoryPath,
    string Version)
{
    /// <summary>Pass mark used when course.md does not set one.</summary>
    public const int DefaultPassMark = 80;

    /// <summary>The final quiz as a form (see <see cref="QuizHtml"/>), or null when the course has no final quiz.</summary>
    public string? FinalQuizHtml => FinalQuiz is null ? null : QuizHtml.Render(FinalQuiz);

    /// <summary>Finds a lesson by its slug or by one of its aliases (old slugs); null when none matches.</summary>
    public LessonMatch? FindLesson(string slugOrAlias)
    {
        if (Lessons.FirstOrDefault(lesson => lesson.Slug == slugOrAlias) is { } lesson)
        {
            return new LessonMatch(lesson, IsAlias: false);
        }

        return Lessons.FirstOrDefault(l => l.Aliases.Contains(slugOrAlias)) is { } aliased
            ? new LessonMatch(aliased, IsAlias: true)
            : null;
    }
}
