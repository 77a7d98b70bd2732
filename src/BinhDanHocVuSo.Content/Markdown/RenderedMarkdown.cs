using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Content.Markdown;

/// <summary>The result of rendering a lesson body.</summary>
/// <param name="Html">The page HTML, quiz form included.</param>
/// <param name="Quiz">The page's quiz, or null when it has none (or it has problems).</param>
/// <param name="Problems">Mistakes found, with 1-based file lines.</param>
internal sealed record RenderedMarkdown(string Html, Quiz? Quiz, IReadOnlyList<MarkdownProblem> Problems)
{
    /// <summary>The page's simulations (<c>??? practice</c>), in page order; those with problems are left out.</summary>
    public IReadOnlyList<Practice.Practice> Practices { get; init; } = [];

    /// <summary>The page's scam drills (<c>??? drill</c>), in page order; those with problems are left out.</summary>
    public IReadOnlyList<Practice.Drill> Drills { get; init; } = [];
}
