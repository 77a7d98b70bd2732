using Markdig.Parsers;
using Markdig.Syntax;

namespace BinhDanHocVuSo.Content.Markdown.Quizzes;

/// <summary>
/// Opens a <see cref="QuizBlock"/> on a line of three or more "?" (<c>??? quiz</c>) and closes it on a line of
/// as many "?". Lines inside keep their indentation, because "  &gt;" (option feedback) differs from "&gt;" (explanation).
/// </summary>
public sealed class QuizBlockParser : FencedBlockParserBase<QuizBlock>
{
    /// <summary>Key of <see cref="Markdig.MarkdownParserContext.Properties"/> holding the id given to the quiz.</summary>
    public const string QuizIdProperty = "quiz-id";

    /// <summary>Quiz id used when the parser context does not give one.</summary>
    public const string DefaultQuizId = "quiz";

    /// <summary>Creates the parser.</summary>
    public QuizBlockParser()
    {
        OpeningCharacters = ['?'];
        InfoPrefix = null;
    }

    /// <inheritdoc />
    protected override QuizBlock CreateFencedBlock(BlockProcessor processor) => new(this);

    /// <inheritdoc />
    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var state = base.TryContinue(processor, block);
        if (state == BlockState.BreakDiscard)
        {
            ((QuizBlock)block).IsClosed = true;
        }

        return state;
    }

    /// <inheritdoc />
    public override bool Close(BlockProcessor processor, Block block)
    {
        var quizBlock = (QuizBlock)block;
        var quizId = processor.Context?.Properties.GetValueOrDefault(QuizIdProperty) as string ?? DefaultQuizId;
        var lines = new List<QuizLine>();
        for (var i = 0; i < quizBlock.Lines.Count; i++)
        {
            var line = quizBlock.Lines.Lines[i];
            lines.Add(new QuizLine(line.Line + 1, line.Slice.ToString()));
        }

        var problems = new List<MarkdownProblem>();
        var fenceLine = quizBlock.Line + 1;
        if (quizBlock.Info != "quiz")
        {
            problems.Add(new MarkdownProblem(fenceLine, $"a block starting with \"???\" must be a quiz: write \"??? quiz\" (found \"??? {quizBlock.Info}\")"));
        }

        if (!quizBlock.IsClosed)
        {
            problems.Add(new MarkdownProblem(fenceLine, "the quiz is never closed: add a line \"???\" after its last question"));
        }

        var quiz = QuizReader.Read(quizId, lines, fenceLine, problems);
        quizBlock.Quiz = problems.Count == 0 ? quiz : null;
        quizBlock.Problems = problems;
        return base.Close(processor, block);
    }
}
