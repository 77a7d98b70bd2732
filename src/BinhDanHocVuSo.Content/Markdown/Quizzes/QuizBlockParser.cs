using System.Globalization;
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

    /// <summary>Key of <see cref="Markdig.MarkdownParserContext.Properties"/> holding the page's address (<c>/c/{course}/{lesson}</c>).</summary>
    public const string PageAddressProperty = "page-address";

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
        if (!quizBlock.IsQuiz)
        {
            quizBlock.PageAddress = processor.Context?.Properties.GetValueOrDefault(PageAddressProperty) as string ?? "";
            ReadPractice(quizBlock, lines, fenceLine, problems);
            quizBlock.Problems = problems;
            return base.Close(processor, block);
        }

        if (quizBlock.Info != "quiz")
        {
            problems.Add(new MarkdownProblem(fenceLine, $"a block starting with \"???\" must be a quiz, a practice or a drill: write \"??? quiz\", \"??? practice id=…\" or \"??? drill id=…\" (found \"??? {quizBlock.Info}\")"));
        }

        if (!quizBlock.IsClosed)
        {
            problems.Add(new MarkdownProblem(fenceLine, "the quiz is never closed: add a line \"???\" after its last question"));
        }

        var draw = ReadDraw(quizBlock.Arguments, fenceLine, problems);
        var quiz = QuizReader.Read(quizId, lines, fenceLine, draw, problems);
        quizBlock.Quiz = problems.Count == 0 ? quiz : null;
        quizBlock.Problems = problems;
        return base.Close(processor, block);
    }

    /// <summary>Reads a <c>??? practice id=…</c> or <c>??? drill id=…</c> block: its id from the opening line, its YAML body.</summary>
    private static void ReadPractice(QuizBlock block, List<QuizLine> lines, int fenceLine, List<MarkdownProblem> problems)
    {
        var kind = block.Info!;
        if (!block.IsClosed)
        {
            problems.Add(new MarkdownProblem(fenceLine, $"the {kind} is never closed: add a line \"???\" after its last line"));
        }

        var arguments = (block.Arguments ?? "").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var id = arguments is [var only] && only.StartsWith(IdPrefix, StringComparison.Ordinal) ? only[IdPrefix.Length..] : null;
        if (id is null || !Slugs.IsValid(id))
        {
            problems.Add(new MarkdownProblem(fenceLine, $"write the {kind}'s id on its first line, lowercase a–z, 0–9 and \"-\": \"??? {kind} {IdPrefix}tra-tien-vietqr\" (found \"??? {kind} {block.Arguments}\")"));
            return;
        }

        if (problems.Count > 0)
        {
            return;
        }

        // Line n of the YAML is file line fenceLine + n, so YAML's marks give file lines.
        var yamlLines = new string[lines.Count == 0 ? 0 : lines[^1].Number - fenceLine];
        Array.Fill(yamlLines, "");
        lines.ForEach(line => yamlLines[line.Number - fenceLine - 1] = line.Text);
        var yaml = string.Join('\n', yamlLines);
        if (kind == QuizBlock.PracticeKind)
        {
            block.Practice = BinhDanHocVuSo.Content.Practice.PracticeReader.Read(id, yaml, fenceLine, problems);
        }
        else
        {
            block.Drill = BinhDanHocVuSo.Content.Practice.DrillReader.Read(id, yaml, fenceLine, problems);
        }
    }

    private const string IdPrefix = "id=";

    /// <summary>Reads the optional <c>draw=N</c> after <c>??? quiz</c>: how many questions each attempt shows.</summary>
    private static int? ReadDraw(string? arguments, int fenceLine, List<MarkdownProblem> problems)
    {
        int? draw = null;
        foreach (var argument in (arguments ?? "").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!argument.StartsWith(DrawPrefix, StringComparison.Ordinal) || draw is not null)
            {
                problems.Add(new MarkdownProblem(fenceLine, $"unexpected '{argument}' after \"??? quiz\": the only setting is \"{DrawPrefix}N\", e.g. \"??? quiz {DrawPrefix}5\""));
                continue;
            }

            var value = argument[DrawPrefix.Length..];
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
            {
                problems.Add(new MarkdownProblem(fenceLine, $"{DrawPrefix}{value} is not a whole number of questions of at least 1, e.g. \"??? quiz {DrawPrefix}5\""));
                draw = 0;
                continue;
            }

            draw = count;
        }

        return draw is 0 ? null : draw;
    }

    private const string DrawPrefix = "draw=";
}
