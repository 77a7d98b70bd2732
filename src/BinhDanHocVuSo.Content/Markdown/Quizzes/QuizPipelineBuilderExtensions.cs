using Markdig;

namespace BinhDanHocVuSo.Content.Markdown.Quizzes;

/// <summary>The <c>UseQuizzes()</c> builder method, in the style of Markdig's own <c>UseXxx()</c> methods.</summary>
public static class QuizPipelineBuilderExtensions
{
    /// <summary>Parses <c>??? quiz</c> blocks and renders them as forms that never reveal the right answers.</summary>
    public static MarkdownPipelineBuilder UseQuizzes(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<QuizExtension>();
        return pipeline;
    }
}
