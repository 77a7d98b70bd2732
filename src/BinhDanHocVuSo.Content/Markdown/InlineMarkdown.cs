using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BinhDanHocVuSo.Content.Markdown;

/// <summary>
/// Renders the short texts of a quiz (prompt, option, feedback, explanation): inline Markdown only
/// (bold, italic, links, code), never raw HTML, and without the surrounding &lt;p&gt;.
/// </summary>
internal static class InlineMarkdown
{
    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    /// <param name="text">The text, possibly several lines joined by "\n".</param>
    /// <param name="line">1-based line of the text's first line, for problems.</param>
    /// <param name="what">What the text is, for messages (e.g. "the question text of 'otp-1'").</param>
    /// <param name="problems">Where problems are added.</param>
    public static string ToHtml(string text, int line, string what, List<MarkdownProblem> problems)
    {
        var document = Markdig.Markdown.Parse(text, _pipeline);
        if (document.Count == 0)
        {
            return "";
        }

        if (document is not [ParagraphBlock paragraph])
        {
            problems.Add(new MarkdownProblem(line, $"{what} must be plain text lines (**bold** and links are fine; lists, headings, quotes and code blocks are not)"));
            return "";
        }

        if (paragraph.Inline?.Descendants<LinkInline>().Any(link => link.IsImage) == true)
        {
            problems.Add(new MarkdownProblem(line, $"{what} contains an image: images are not supported inside a quiz, put the image in the lesson above the quiz"));
        }

        // Inline line numbers count from the text's first line.
        LinkPolicy.Apply(document, problems, lineOffset: line);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = true };
        _pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString().Trim();
    }
}
