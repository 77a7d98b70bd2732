using Markdig;
using Markdig.Renderers;

namespace BinhDanHocVuSo.Content.Markdown.Quizzes;

/// <summary>Adds <c>??? quiz</c> blocks to a Markdig pipeline.</summary>
public sealed class QuizExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<QuizBlockParser>())
        {
            // Before paragraphs, so that "??? quiz" never starts one.
            pipeline.BlockParsers.Insert(0, new QuizBlockParser());
        }
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer htmlRenderer && !htmlRenderer.ObjectRenderers.Contains<QuizBlockRenderer>())
        {
            htmlRenderer.ObjectRenderers.Insert(0, new QuizBlockRenderer());
        }
    }
}
