using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace BinhDanHocVuSo.Content.Markdown.Checklists;

/// <summary>
/// Draws the box of a checklist item (<c>- [ ]</c>, <c>- [x]</c>) as a character, not as a disabled checkbox: a lesson's
/// checklist is read, not filled in, and a form control without a label is noise to a screen reader. The box is hidden
/// from screen readers, which read the list as a list.
/// </summary>
public sealed class ChecklistBoxRenderer : HtmlObjectRenderer<TaskList>
{
    protected override void Write(HtmlRenderer renderer, TaskList taskList)
    {
        if (renderer.EnableHtmlForInline)
        {
            renderer.Write(taskList.Checked ? "<span class=\"tick\" aria-hidden=\"true\">☑</span>" : "<span class=\"tick\" aria-hidden=\"true\">☐</span>");
        }
        else
        {
            renderer.Write(taskList.Checked ? "[x]" : "[ ]");
        }
    }
}
