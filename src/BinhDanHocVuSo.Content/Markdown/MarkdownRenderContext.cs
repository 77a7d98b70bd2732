namespace BinhDanHocVuSo.Content.Markdown;

/// <summary>What rendering a lesson or course page needs to know about where it lives.</summary>
/// <param name="CourseSlug">Slug of the course; images become <c>/c/{CourseSlug}/media/{file}</c>.</param>
/// <param name="MediaDirectory">Folder holding the images (the course folder); null skips the file checks.</param>
/// <param name="QuizId">Id given to the page's quiz: the lesson slug, or "final" for course.md.</param>
public sealed record MarkdownRenderContext(string CourseSlug, string? MediaDirectory, string QuizId);
