using BinhDanHocVuSo.Content.Quizzes;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace BinhDanHocVuSo.Content.Markdown.Quizzes;

/// <summary>
/// A <c>??? quiz</c> … <c>???</c> block in the syntax tree. Its lines are read into <see cref="Quiz"/> when the
/// block closes; problems found on the way are kept in <see cref="Problems"/> with their file lines.
/// </summary>
public sealed class QuizBlock(BlockParser parser) : LeafBlock(parser), IFencedBlock
{
    /// <summary>The quiz read from the block, or null when it has problems.</summary>
    public Quiz? Quiz { get; internal set; }

    /// <summary>Whether a closing <c>???</c> line was found.</summary>
    public bool IsClosed { get; internal set; }

    internal IReadOnlyList<MarkdownProblem> Problems { get; set; } = [];

    /// <inheritdoc />
    public char FencedChar { get; set; }

    /// <inheritdoc />
    public int OpeningFencedCharCount { get; set; }

    /// <inheritdoc />
    public StringSlice TriviaAfterFencedChar { get; set; }

    /// <inheritdoc />
    public string? Info { get; set; }

    /// <inheritdoc />
    public StringSlice UnescapedInfo { get; set; }

    /// <inheritdoc />
    public StringSlice TriviaAfterInfo { get; set; }

    /// <inheritdoc />
    public string? Arguments { get; set; }

    /// <inheritdoc />
    public StringSlice UnescapedArguments { get; set; }

    /// <inheritdoc />
    public StringSlice TriviaAfterArguments { get; set; }

    /// <inheritdoc />
    public NewLine InfoNewLine { get; set; }

    /// <inheritdoc />
    public StringSlice TriviaBeforeClosingFence { get; set; }

    /// <inheritdoc />
    public int ClosingFencedCharCount { get; set; }
}
