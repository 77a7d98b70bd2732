using BinhDanHocVuSo.Content.Quizzes;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace BinhDanHocVuSo.Content.Markdown.Quizzes;

/// <summary>Writes a quiz as a form (see <see cref="QuizHtml"/>). A quiz with problems writes nothing: its errors are reported instead.</summary>
public sealed class QuizBlockRenderer : HtmlObjectRenderer<QuizBlock>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, QuizBlock obj)
    {
        if (obj.Practice is { } practice && renderer.EnableHtmlForBlock)
        {
            renderer.EnsureLine();
            renderer.WriteLine(BinhDanHocVuSo.Content.Practice.PracticeHtml.Render(practice, obj.PageAddress).TrimEnd('\n'));
        }
        else if (obj.Quiz is { } quiz && renderer.EnableHtmlForBlock)
        {
            renderer.EnsureLine();
            // The form ends with a newline; writing it through WriteLine lets the renderer know, so no blank line is added.
            renderer.WriteLine(QuizHtml.Render(quiz).TrimEnd('\n'));
        }
    }
}
