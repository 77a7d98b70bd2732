using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Content.Courses;

/// <summary>A course: a folder with <c>course.md</c> and one Markdown file per lesson.</summary>
/// <param name="Header">The checked front matter of course.md: slug, title, levels, pass mark.</param>
/// <param name="IntroHtml">The introduction of course.md, without the final quiz (see <see cref="FinalQuizHtml"/>).</param>
/// <param name="Lessons">Lessons sorted by order, then slug.</param>
/// <param name="FinalQuiz">The final quiz (id "final"), or null.</param>
/// <param name="DirectoryPath">Absolute path of the course folder; images are served from it.</param>
/// <param name="Version">Short hash of course.md's bytes.</param>
public sealed record Course(
    CourseHeader Header,
    string IntroHtml,
    IReadOnlyList<Lesson> Lessons,
    Quiz? FinalQuiz,
    string DirectoryPath,
    string Version)
{
    /// <summary>Pass mark used when course.md does not set one.</summary>
    public const int DefaultPassMark = 80;

    public string Slug => Header.Slug;
    public string Title => Header.Title;
    public string Summary => Header.Summary;
    public string Audience => Header.Audience;
    public IReadOnlyList<string> Competences => Header.Competences;
    public int EntryLevel => Header.EntryLevel;
    public int ExitLevel => Header.ExitLevel;
    public int Minutes => Header.Minutes;
    public int Order => Header.Order;
    public int PassMark => Header.PassMark;
    public CourseReaders For => Header.For;
    public IReadOnlyList<CourseSource> Sources => Header.Sources;

    /// <summary>The date of the oldest source: the course is as current as this.</summary>
    public SourceDate OldestSourceDate => Sources.Min(s => s.Date);

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
