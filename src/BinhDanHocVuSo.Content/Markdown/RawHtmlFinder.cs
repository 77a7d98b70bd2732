using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BinhDanHocVuSo.Content.Markdown;

/// <summary>
/// Finds raw HTML in Markdown. The lesson pipeline shows it as plain text (it never reaches the page as HTML),
/// so authors are told where it is instead of being surprised by tags on the screen.
/// </summary>
internal static class RawHtmlFinder
{
    // Plain CommonMark with HTML enabled: the same rules decide what is HTML, and quiz lines are plain paragraphs here.
    private static readonly MarkdownPipeline _detector = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <summary>One problem per line with raw HTML: "&lt;b&gt;x&lt;/b&gt;" is one mistake, not two.</summary>
    public static IEnumerable<MarkdownProblem> Find(string markdown) =>
        FindAll(markdown).GroupBy(problem => problem.Line).Select(group => group.First());

    private static IEnumerable<MarkdownProblem> FindAll(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, _detector);
        foreach (var block in document.Descendants<HtmlBlock>())
        {
            yield return Problem(block.Line + 1, block.Lines.Count > 0 ? block.Lines.Lines[0].Slice.ToString() : "");
        }

        foreach (var inline in document.Descendants<HtmlInline>())
        {
            yield return Problem(inline.Line + 1, inline.Tag ?? "");
        }
    }

    private static MarkdownProblem Problem(int line, string html)
    {
        var snippet = html.Trim();
        if (snippet.Length > 40)
        {
            snippet = snippet[..40] + "…";
        }

        return new MarkdownProblem(line, $"raw HTML '{snippet}' is not allowed and would show as plain text: write Markdown instead (e.g. **bold**); if you meant the text itself, put a backslash before the \"<\"");
    }
}
