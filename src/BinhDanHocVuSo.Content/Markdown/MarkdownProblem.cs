namespace BinhDanHocVuSo.Content.Markdown;

/// <summary>A problem found while reading Markdown, before it is tied to a file.</summary>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Message">What is wrong and what to fix.</param>
/// <param name="File">Name of a file beside the page that holds the problem (an SVG drawing), or null for the page itself.</param>
internal sealed record MarkdownProblem(int Line, string Message, string? File = null);
