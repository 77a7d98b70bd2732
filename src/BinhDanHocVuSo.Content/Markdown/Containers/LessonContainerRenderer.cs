using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace BinhDanHocVuSo.Content.Markdown.Containers;

/// <summary>
/// Renders <c>::: tip</c>, <c>::: warning</c> and <c>::: example</c> boxes as <c>&lt;div class="…"&gt;</c>.
/// An example box starts with a visible label, so a sample scam message is never mistaken for a real one.
/// </summary>
public sealed class LessonContainerRenderer : HtmlObjectRenderer<CustomContainer>
{
    /// <summary>Label shown at the top of every <c>::: example</c> box.</summary>
    public const string ExampleLabel = "Ví dụ minh hoạ";

    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, CustomContainer obj)
    {
        renderer.EnsureLine();
        if (renderer.EnableHtmlForBlock)
        {
            renderer.Write("<div").WriteAttributes(obj).Write('>');
            if (obj.Info == LessonContainers.Example)
            {
                renderer.Write($"<p class=\"example-label\">{ExampleLabel}</p>").WriteLine();
            }
        }

        renderer.WriteChildren(obj);
        if (renderer.EnableHtmlForBlock)
        {
            renderer.WriteLine("</div>");
        }
    }
}
