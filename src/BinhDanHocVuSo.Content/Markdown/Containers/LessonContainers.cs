using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;

namespace BinhDanHocVuSo.Content.Markdown.Containers;

/// <summary>The boxes a lesson may use, and the extension that renders them.</summary>
public sealed class LessonContainers : IMarkdownExtension
{
    /// <summary>A hint box.</summary>
    public const string Tip = "tip";

    /// <summary>A warning box.</summary>
    public const string Warning = "warning";

    /// <summary>A box for sample (scam) messages, labelled as an example.</summary>
    public const string Example = "example";

    /// <summary>Every box kind authors may write after <c>:::</c>.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [Tip, Warning, Example];

    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.Extensions.AddIfNotAlready<CustomContainerExtension>();

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer htmlRenderer && !htmlRenderer.ObjectRenderers.Contains<LessonContainerRenderer>())
        {
            // Runs after the custom container extension, so its renderer is replaced rather than duplicated.
            htmlRenderer.ObjectRenderers.RemoveAll(r => r is HtmlCustomContainerRenderer);
            htmlRenderer.ObjectRenderers.Insert(0, new LessonContainerRenderer());
        }
    }
}
