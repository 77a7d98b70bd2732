using BinhDanHocVuSo.Content.FrontMatter;
using BinhDanHocVuSo.Content.Markdown;

namespace BinhDanHocVuSo.Content.Courses;

/// <summary>The steps shared by course.md and lesson files: read, check, split the front matter, render the body.</summary>
internal static class MarkdownFileReader
{
    public static (ContentFile File, FrontMatterFields? Fields, string Body)? ReadFrontMatter(string path, ErrorList errors)
    {
        var file = ContentFile.Read(path, errors);
        if (file is null)
        {
            return null;
        }

        var document = FrontMatterDocument.Read(file.Lines, errors);
        return (file, document.Fields, document.Body);
    }

    public static RenderedMarkdown RenderBody(string body, MarkdownRenderContext context, ErrorList errors, bool includeQuizForm = true)
    {
        var rendered = LessonPipeline.Render(body, context, includeQuizForm);
        foreach (var problem in rendered.Problems)
        {
            if (problem.File is null)
            {
                errors.Add(problem.Line, problem.Message);
            }
            else
            {
                errors.AddBeside(problem.File, problem.Line, problem.Message);
            }
        }

        return rendered;
    }
}
