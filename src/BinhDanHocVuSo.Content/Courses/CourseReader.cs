using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Courses.Lint;
using BinhDanHocVuSo.Content.FrontMatter;
using BinhDanHocVuSo.Content.Markdown;
using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Content.Courses;

/// <summary>Reads one course folder: course.md and its lessons. The course is null when anything in it has an error.</summary>
internal static class CourseReader
{
    public const string CourseFileName = "course.md";

    private static readonly string[] _fields =
        ["slug", "title", "summary", "audience", "competences", "entry_level", "exit_level", "minutes", "order", "pass_mark", "for", "sources"];

    public sealed record Result(Course? Course, string? Slug, ContentError? SlugLocation, IReadOnlyList<ContentError> Errors);

    public static Result Read(string directory, CompetenceModel competences, string root)
    {
        var coursePath = Path.Combine(directory, CourseFileName);
        var errors = new ErrorList(ContentPaths.Relative(root, coursePath));
        var allErrors = new List<ContentError>();
        if (MarkdownFileReader.ReadFrontMatter(coursePath, errors) is not var (file, fields, body))
        {
            return new Result(null, null, null, errors.Items);
        }

        var header = ReadHeader(fields, competences);
        var slug = header?.Slug ?? Path.GetFileName(directory);
        var rendered = MarkdownFileReader.RenderBody(body, new MarkdownRenderContext(slug, directory, Quiz.FinalQuizId), errors, includeQuizForm: false);
        var lessons = ReadLessons(directory, slug, root, allErrors);
        if (lessons.Count == 0 && allErrors.Count == 0)
        {
            errors.Add(0, "the course has no lessons: add a Markdown file per lesson beside course.md");
        }

        allErrors.InsertRange(0, errors.Items);
        var slugLocation = fields is null ? null : new ContentError(errors.File, fields.LineOf("slug"), "");
        if (allErrors.Count > 0 || header is null)
        {
            return new Result(null, header?.Slug, slugLocation, allErrors);
        }

        var course = new Course(
            header, rendered.Html,
            [.. lessons.OrderBy(l => l.Order).ThenBy(l => l.Slug, StringComparer.Ordinal)],
            rendered.Quiz, directory, file.Version);

        // The quiz quality rules judge a course as a whole, so they run once it has loaded; their findings leave it out like any error.
        var findings = CourseLint.Check(course, root);
        return findings.Count > 0
            ? new Result(null, course.Slug, slugLocation, findings)
            : new Result(course, course.Slug, slugLocation, allErrors);

        CourseHeader? ReadHeader(FrontMatterFields? fields, CompetenceModel model) =>
            fields is null ? null : CourseHeader.Read(fields, model, errors, _fields);
    }

    private static List<Lesson> ReadLessons(string directory, string courseSlug, string root, List<ContentError> allErrors)
    {
        var lessons = new List<Lesson>();
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(directory, "*.md")
            .Where(path => !IsNotALesson(Path.GetFileName(path)))
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var errors = new ErrorList(ContentPaths.Relative(root, path));
            var (lesson, slugLine, aliasesLine) = LessonReader.Read(path, courseSlug, errors);
            if (lesson is not null)
            {
                ClaimSlug(lesson.Slug, slugLine, "slug");
                foreach (var alias in lesson.Aliases)
                {
                    ClaimSlug(alias, aliasesLine, "alias");
                }

                lessons.Add(lesson);
            }

            allErrors.AddRange(errors.Items);

            void ClaimSlug(string slug, int line, string what)
            {
                if (!slugs.TryAdd(slug, errors.File))
                {
                    errors.Add(line, $"the {what} '{slug}' is already used by {slugs[slug]}: lesson slugs and aliases must be unique in a course");
                }
            }
        }

        return lessons;
    }

    private static bool IsNotALesson(string fileName) =>
        fileName.Equals(CourseFileName, StringComparison.OrdinalIgnoreCase)
        || fileName.Equals("README.md", StringComparison.OrdinalIgnoreCase);
}
