using System.Runtime.CompilerServices;
using System.Text;

namespace BinhDanHocVuSo.Content.Quizzes;

/// <summary>
/// The HTML form of a quiz (<see cref="QuizAnswers"/> reads what it posts). It works without JavaScript and never
/// says which answer is right: no attribute, class, comment or order depends on correctness. Feedback and
/// explanations are shown only after submission.
/// </summary>
public static class QuizHtml
{
    /// <summary>
    /// Written right after the opening &lt;form&gt;. The web layer replaces it with the anti-forgery token and
    /// the attempt id, which the content engine cannot know.
    /// </summary>
    public const string FormFieldsPlaceholder = "<!--form-fields-->";

    /// <summary>Text of the submit button.</summary>
    public const string SubmitText = "Nộp bài";

    /// <summary>What an order question's list shows before a position is chosen (an option may not be empty).</summary>
    public const string ChoosePositionText = "–";

    /// <summary>
    /// Renders the form for <paramref name="quiz"/> with every question in authored order (see <see cref="QuizDraw.AsAuthored"/>):
    /// what the Markdown renders. Pages show an attempt's own draw instead, spliced in with <see cref="ReplaceQuestions"/>.
    /// </summary>
    public static string Render(Quiz quiz)
    {
        var html = new StringBuilder();
        html.Append($"<form class=\"quiz\" method=\"post\" data-quiz=\"{Attribute(quiz.Id)}\">\n");
        html.Append(FormFieldsPlaceholder).Append('\n');
        html.Append(Encoding.UTF8.GetString(QuestionsUtf8(QuizDraw.AsAuthored(quiz))));
        html.Append(SubmitButton);
        html.Append("</form>\n");
        return html.ToString();
    }

    /// <summary>
    /// The questions of an attempt as UTF-8, in the order drawn, each option or step in its shown order. Made by
    /// copying pieces rendered once per quiz: no Markdown and no string formatting per request.
    /// </summary>
    public static byte[] QuestionsUtf8(QuizDraw draw)
    {
        var pieces = PiecesOf(draw.Quiz);
        var length = 0;
        foreach (var drawn in draw.Questions)
        {
            var question = pieces[drawn.Question.Id];
            length += question.Head.Length + FieldsetEnd.Length;
            foreach (var index in drawn.Shown)
            {
                var item = question.Items[index];
                length += item.Before.Length + item.After.Length + (drawn.Aliases.Count > 0 ? drawn.Aliases[index].Length : 0);
            }
        }

        var html = new byte[length];
        var at = 0;
        foreach (var drawn in draw.Questions)
        {
            var question = pieces[drawn.Question.Id];
            Copy(question.Head, html, ref at);
            foreach (var index in drawn.Shown)
            {
                var item = question.Items[index];
                Copy(item.Before, html, ref at);
                if (drawn.Aliases.Count > 0)
                {
                    // Aliases are ASCII hex (or the authored ids, which are a–z): one byte per character.
                    at += Encoding.ASCII.GetBytes(drawn.Aliases[index], html.AsSpan(at));
                }

                Copy(item.After, html, ref at);
            }

            Copy(FieldsetEnd, html, ref at);
        }

        return html;
    }

    private static void Copy(byte[] piece, byte[] html, ref int at)
    {
        piece.CopyTo(html, at);
        at += piece.Length;
    }

    /// <summary>
    /// Replaces the questions of a form rendered by <see cref="Render"/> (everything between its own fields and its
    /// submit button) with <paramref name="questions"/>: the shown draw, or a mark where a page splices it in.
    /// </summary>
    public static string ReplaceQuestions(string html, string questions)
    {
        var fields = html.IndexOf(FormFieldsPlaceholder + "\n", StringComparison.Ordinal);
        var button = fields < 0 ? -1 : html.IndexOf(SubmitButton, fields, StringComparison.Ordinal);
        if (button < 0)
        {
            throw new ArgumentException("The HTML holds no quiz form rendered by QuizHtml.Render.", nameof(html));
        }

        var start = fields + FormFieldsPlaceholder.Length + 1;
        return string.Concat(html.AsSpan(0, start), questions, html.AsSpan(button));
    }

    /// <summary>
    /// The order in which the steps of an order question are shown: by step id (a hash), rotated by one when
    /// that happens to be the right order, so the page never shows the answer.
    /// </summary>
    public static IReadOnlyList<OrderStep> DisplayOrder(Question question)
    {
        var shown = question.Steps.OrderBy(step => step.Id, StringComparer.Ordinal).ToList();
        if (shown.Count >= 2 && shown.Select(step => step.CorrectPosition).SequenceEqual(Enumerable.Range(1, shown.Count)))
        {
            shown.Add(shown[0]);
            shown.RemoveAt(0);
        }

        return shown;
    }

    private const string SubmitButton = "<button type=\"submit\">" + SubmitText + "</button>\n";

    private static readonly byte[] FieldsetEnd = Encoding.UTF8.GetBytes("</fieldset>\n");

    // Pieces live as long as their quiz: a catalogue reloaded after an edit brings new quizzes, and new pieces.
    private static readonly ConditionalWeakTable<Quiz, Dictionary<string, QuestionPieces>> Pieces = new();

    /// <summary>
    /// A question's opening (fieldset and legend), and its options or steps in authored order, as UTF-8. An option is
    /// cut where its value goes (the attempt's alias of it); a step has no value to add.
    /// </summary>
    private sealed record QuestionPieces(byte[] Head, ItemPieces[] Items);

    private sealed record ItemPieces(byte[] Before, byte[] After);

    private static Dictionary<string, QuestionPieces> PiecesOf(Quiz quiz) =>
        Pieces.GetValue(quiz, q => q.Questions.ToDictionary(question => question.Id, Render, StringComparer.Ordinal));

    private static QuestionPieces Render(Question question)
    {
        var head = $"<fieldset class=\"question\" id=\"q-{Attribute(question.Id)}\">\n<legend>{question.PromptHtml}</legend>\n";
        var items = question.Kind == QuestionKind.Order
            ? question.Steps.Select(step => new ItemPieces(Encoding.UTF8.GetBytes(Step(question, step)), []))
            : question.Options.Select(option => new ItemPieces(Encoding.UTF8.GetBytes(OptionBefore(question)), Encoding.UTF8.GetBytes($"\"> {option.TextHtml}</label>\n")));
        return new QuestionPieces(Encoding.UTF8.GetBytes(head), [.. items]);
    }

    private static string OptionBefore(Question question)
    {
        var type = question.Kind == QuestionKind.Multiple ? "checkbox" : "radio";
        return $"<label><input type=\"{type}\" name=\"{QuizAnswers.OptionFieldPrefix}{Attribute(question.Id)}\" value=\"";
    }

    private static string Step(Question question, OrderStep step)
    {
        var html = new StringBuilder();
        html.Append($"<label>{step.TextHtml} <select name=\"{QuizAnswers.OrderFieldPrefix}{Attribute(question.Id)}.{Attribute(step.Id)}\">");
        html.Append($"<option value=\"\">{ChoosePositionText}</option>");
        for (var position = 1; position <= question.Steps.Count; position++)
        {
            html.Append($"<option value=\"{position}\">{position}</option>");
        }

        html.Append("</select></label>\n");
        return html.ToString();
    }

    // Ids are slugs and hex, but escaping keeps the form safe even if that ever changes.
    private static string Attribute(string value) =>
        value.Replace("&", "&amp;").Replace("\"", "&quot;").Replace("<", "&lt;").Replace(">", "&gt;");
}
