using BinhDanHocVuSo.Content.Quizzes;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace BinhDanHocVuSo.Content.Markdown.Quizzes;

/// <summary>
/// A <c>??? quiz</c> … <c>???</c> block in the syntax tree (also <c>??? practice</c> and <c>??? drill</c>, whose YAML
/// is read into <see cref="Practice"/> or <see cref="Drill"/>). Its lines are read into <see cref="Quiz"/> when the
/// block closes; problems found on the way are kept in <see cref="Problems"/> with their file lines.
/// </summary>
public sealed class QuizBlock(BlockParser parser) : LeafBlock(parser), IFencedBlock
{
    /// <summary>The quiz read from the block, or null when it has problems.</summary>
    public Quiz? Quiz { get; internal set; }

    /// <summary>The simulation read from a <c>??? practice id=…</c> block, or null.</summary>
    public BinhDanHocVuSo.Content.Practice.Practice? Practice { get; internal set; }

    /// <summary>The scam drill read from a <c>??? drill id=…</c> block, or null.</summary>
    public BinhDanHocVuSo.Content.Practice.Drill? Drill { get; internal set; }

    /// <summary>True for a <c>??? quiz</c> block (or a block of an unknown kind, reported as a quiz mistake).</summary>
    public bool IsQuiz => Info is not (PracticeKind or DrillKind);

    /// <summary>The address of the page holding the block (<c>/c/{course}/{lesson}</c>): practice forms post to pages under it.</summary>
    public string PageAddress { get; internal set; } = "";

    internal const string PracticeKind = "practice";
    internal const string DrillKind = "drill";

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
