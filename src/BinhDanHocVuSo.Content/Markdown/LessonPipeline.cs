using BinhDanHocVuSo.Content.Markdown.Checklists;
using BinhDanHocVuSo.Content.Markdown.Containers;
using BinhDanHocVuSo.Content.Markdown.Images;
using BinhDanHocVuSo.Content.Markdown.Quizzes;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace BinhDanHocVuSo.Content.Markdown;

/// <summary>
/// The one Markdown pipeline for lessons and course pages. Built once; Markdig pipelines are immutable and
/// thread-safe. Raw HTML is disabled so that no author can put script on a learner's phone.
/// </summary>
public static class LessonPipeline
{
    /// <summary>CommonMark plus pipe tables, extra emphasis, task lists (boxes drawn as characters), tip/warning/example boxes, auto links and quizzes.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .Use<ChecklistBoxes>()
        .UseCustomContainers()
        .Use<LessonContainers>()
        .UseAutoLinks()
        .UseQuizzes()
        .DisableHtml()
        .Build();

    /// <summary>Renders Markdown to HTML with the lesson rules, ignoring problems. For previews and tests.</summary>
    public static string ToHtml(string markdown, MarkdownRenderContext context) => Render(markdown, context).Html;

    /// <param name="markdown">The Markdown to render.</param>
    /// <param name="context">Where the page lives.</param>
    /// <param name="includeQuizForm">False for course.md, whose final quiz is shown after the lessons, not in the introduction.</param>
    internal static RenderedMarkdown Render(string markdown, MarkdownRenderContext context, bool includeQuizForm = true)
    {
        var parserContext = new MarkdownParserContext();
        parserContext.Properties[QuizBlockParser.QuizIdProperty] = context.QuizId;
        parserContext.Properties[QuizBlockParser.PageAddressProperty] = $"/c/{context.CourseSlug}/{context.QuizId}";
        var document = Markdig.Markdown.Parse(markdown, Pipeline, parserContext);

        var problems = new List<MarkdownProblem>();
        problems.AddRange(RawHtmlFinder.Find(markdown));
        CheckContainers(document, problems);
        ImagePolicy.Apply(document, context, problems);
        LinkPolicy.Apply(document, problems, lineOffset: 1);

        var blocks = document.Descendants<QuizBlock>().ToList();
        problems.AddRange(blocks.SelectMany(block => block.Problems));
        var quizzes = blocks.Where(block => block.IsQuiz).ToList();
        var practices = blocks.Where(block => !block.IsQuiz).ToList();
        if (!includeQuizForm)
        {
            problems.AddRange(practices.Select(block => new MarkdownProblem(block.Line + 1, $"a \"??? {block.Info}\" block belongs in a lesson, not in course.md: move it into the lesson it practises")));
        }
        foreach (var extra in quizzes.Skip(1))
        {
            problems.Add(new MarkdownProblem(extra.Line + 1, "a page can have only one quiz: merge the questions into the first \"??? quiz\" block"));
        }

        if (!includeQuizForm)
        {
            quizzes.ForEach(quiz => quiz.Parent?.Remove(quiz));
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new RenderedMarkdown(writer.ToString(), quizzes.FirstOrDefault()?.Quiz, [.. problems.OrderBy(p => p.Line)])
        {
            Practices = [.. practices.Select(block => block.Practice).OfType<Practice.Practice>()],
            Drills = [.. practices.Select(block => block.Drill).OfType<Practice.Drill>()],
        };
    }

    private static void CheckContainers(MarkdownDocument document, List<MarkdownProblem> problems)
    {
        foreach (var container in document.Descendants<CustomContainer>())
        {
            if (!LessonContainers.Kinds.Contains(container.Info ?? ""))
            {
                problems.Add(new MarkdownProblem(container.Line + 1, $"unknown box '::: {container.Info}': use ::: tip, ::: warning or ::: example"));
            }

            if (container.ClosingFencedCharCount == 0)
            {
                problems.Add(new MarkdownProblem(container.Line + 1, $"the box '::: {container.Info}' is never closed: add a line \":::\" after its text"));
            }
        }
    }
}
