using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;

namespace BinhDanHocVuSo.Content.Markdown.Checklists;

/// <summary>Markdig's task lists, with each item's box drawn by <see cref="ChecklistBoxRenderer"/> instead of a disabled checkbox.</summary>
public sealed class ChecklistBoxes : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.Extensions.AddIfNotAlready<TaskListExtension>();

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<ChecklistBoxRenderer>())
        {
            // Runs after the task list extension, so its renderer is replaced rather than shadowed.
            html.ObjectRenderers.RemoveAll(r => r is HtmlTaskListRenderer);
            html.ObjectRenderers.Insert(0, new ChecklistBoxRenderer());
        }
    }
}
