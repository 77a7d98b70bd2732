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

    /// <summary>Renders the form for <paramref name="quiz"/>.</summary>
    public static string Render(Quiz quiz)
    {
        var html = new StringBuilder();
        html.Append($"<form class=\"quiz\" method=\"post\" data-quiz=\"{Attribute(quiz.Id)}\">\n");
        html.Append(FormFieldsPlaceholder).Append('\n');
        foreach (var question in quiz.Questions)
        {
            html.Append($"<fieldset class=\"question\" id=\"q-{Attribute(question.Id)}\">\n");
            html.Append($"<legend>{question.PromptHtml}</legend>\n");
            if (question.Kind == QuestionKind.Order)
            {
                AppendSteps(html, question);
            }
            else
            {
                AppendOptions(html, question);
            }

            html.Append("</fieldset>\n");
        }

        html.Append($"<button type=\"submit\">{SubmitText}</button>\n");
        html.Append("</form>\n");
        return html.ToString();
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

    private static void AppendOptions(StringBuilder html, Question question)
    {
        var type = question.Kind == QuestionKind.Multiple ? "checkbox" : "radio";
        foreach (var option in question.Options)
        {
            html.Append($"<label><input type=\"{type}\" name=\"{QuizAnswers.OptionFieldPrefix}{Attribute(question.Id)}\" value=\"{Attribute(option.Id)}\"> {option.TextHtml}</label>\n");
        }
    }

    private static void AppendSteps(StringBuilder html, Question question)
    {
        foreach (var step in DisplayOrder(question))
        {
            html.Append($"<label>{step.TextHtml} <select name=\"{QuizAnswers.OrderFieldPrefix}{Attribute(question.Id)}.{Attribute(step.Id)}\">");
            html.Append("<option value=\"\"></option>");
            for (var position = 1; position <= question.Steps.Count; position++)
            {
                html.Append($"<option value=\"{position}\">{position}</option>");
            }

            html.Append("</select></label>\n");
        }
    }

    // Ids are slugs and hex, but escaping keeps the form safe even if that ever changes.
    private static string Attribute(string value) =>
        value.Replace("&", "&amp;").Replace("\"", "&quot;").Replace("<", "&lt;").Replace(">", "&gt;");
}
