using System.Text;

namespace BinhDanHocVuSo.Content.Practice;

/// <summary>
/// The phone frame of a simulation, drawn with HTML and CSS only. Every screen is written once into the lesson:
/// the start screen shows, the others are hidden until site.js plays the run in place. Each screen is a GET form whose
/// buttons are real &lt;button&gt;s naming the path so far, so without JavaScript a tap asks the server for the next
/// screen (<c>{page}/practice/{id}?path=0.2</c>), which answers with <see cref="RenderScreen"/>.
/// </summary>
public static class PracticeHtml
{
    /// <summary>The label that says, on every simulation, that nothing here is real.</summary>
    public const string PracticeLabel = "Tập dượt · thực hành, không có tiền hay dữ liệu thật";

    /// <summary>Title of the screen that stops a run at a trap.</summary>
    public const string StopTitle = "Dừng lại!";

    /// <summary>Text of the button that starts a run again after a trap.</summary>
    public const string TryAgainText = "Thử lại";

    /// <summary>The whole simulation as written into the lesson page.</summary>
    /// <param name="practice">The simulation.</param>
    /// <param name="pageAddress">The lesson's address, <c>/c/{course}/{lesson}</c>.</param>
    public static string Render(Practice practice, string pageAddress)
    {
        var html = new StringBuilder();
        Open(html, practice);
        foreach (var screen in practice.Screens)
        {
            Screen(html, practice, pageAddress, screen, prefix: screen.Id == practice.Start ? "" : null, note: null, hidden: screen.Id != practice.Start);
        }

        Close(html);
        return html.ToString();
    }

    /// <summary>
    /// The simulation showing where <paramref name="walk"/> stands, for a page answered without JavaScript: the current
    /// screen with buttons that carry the path <paramref name="path"/> on, or the trap's explanation and "Thử lại".
    /// </summary>
    /// <param name="fields">Hidden fields carried by the screen's form to the next screen (the run's id), or null.</param>
    public static string RenderScreen(Practice practice, string pageAddress, PracticeWalk walk, IReadOnlyList<int> path, string? fields = null)
    {
        var html = new StringBuilder();
        Open(html, practice);
        if (walk.Outcome == PracticeOutcome.Trapped)
        {
            html.Append("<div class=\"screen trap\" role=\"alert\"><h3 tabindex=\"-1\">").Append(StopTitle).Append("</h3>\n<p>").Append(walk.Last!.ExplainHtml)
                .Append("</p>\n<p><a class=\"btn\" href=\"").Append(Encode(pageAddress)).Append("/practice/").Append(Encode(practice.Id))
                .Append("\">").Append(TryAgainText).Append("</a></p></div>\n");
        }
        else
        {
            var prefix = path.Count == 0 ? "" : Practice.FormatPath(path) + ".";
            Screen(html, practice, pageAddress, walk.Screen, prefix, walk.Last?.Kind != ChoiceKind.Trap ? walk.Last?.ExplainHtml : null, hidden: false, fields);
        }

        Close(html);
        return html.ToString();
    }

    /// <summary>A scam drill in the lesson: its title and the link that starts a run (drawn by the server at the drill's page).</summary>
    public static string RenderDrillStart(Drill drill, string pageAddress) =>
        $"<section class=\"practice drill\" id=\"drill-{Encode(drill.Id)}\">\n<p class=\"practice-tag\">{PracticeLabel}</p>\n<h2>{Encode(drill.Title)}</h2>\n"
        + $"<p>Bạn sẽ đọc {drill.Draw} tin, từng tin một, và chọn \"An toàn\" hay \"Lừa đảo\". Cần đúng ít nhất {drill.Pass} tin.</p>\n"
        + $"<p><a class=\"btn\" href=\"{Encode(pageAddress)}/drill/{Encode(drill.Id)}\">Bắt đầu</a></p>\n</section>\n";

    private static void Open(StringBuilder html, Practice practice)
    {
        html.Append("<section class=\"practice\" id=\"practice-").Append(Encode(practice.Id)).Append("\" data-practice=\"").Append(Encode(practice.Id))
            .Append("\" data-start=\"").Append(Encode(practice.Start)).Append("\" data-stop=\"").Append(StopTitle)
            .Append("\" data-retry=\"").Append(TryAgainText).Append("\">\n");
        html.Append("<p class=\"practice-tag\">").Append(PracticeLabel).Append("</p>\n");
        html.Append("<h2>").Append(Encode(practice.Title)).Append("</h2>\n");
        if (practice.IntroHtml is { } intro)
        {
            html.Append("<p>").Append(intro).Append("</p>\n");
        }

        html.Append("<div class=\"phone\" role=\"group\" aria-label=\"Điện thoại tập dượt: ").Append(Encode(practice.App)).Append("\">\n");
        html.Append("<p class=\"phone-bar\" aria-hidden=\"true\">").Append(Encode(practice.App)).Append(" · Tập dượt</p>\n");
        html.Append("<div class=\"phone-screen\" aria-live=\"polite\">\n");
    }

    private static void Close(StringBuilder html) => html.Append("</div>\n</div>\n</section>\n");

    /// <param name="prefix">The path before this screen followed by ".", "" at the start, or null when only the script plays this screen.</param>
    private static void Screen(StringBuilder html, Practice practice, string pageAddress, PracticeScreen screen, string? prefix, string? note, bool hidden, string? fields = null)
    {
        html.Append("<form class=\"screen\" method=\"get\" action=\"").Append(Encode(pageAddress)).Append("/practice/").Append(Encode(practice.Id))
            .Append("\" data-screen=\"").Append(Encode(screen.Id)).Append('"').Append(hidden ? " hidden" : "").Append(screen.IsEnd ? " data-end" : "").Append(">\n")
            .Append(fields);
        html.Append("<h3 tabindex=\"-1\">").Append(Encode(screen.Title)).Append("</h3>\n");
        html.Append("<p class=\"note\" data-note").Append(note is null ? " hidden>" : ">").Append(note).Append("</p>\n");
        if (screen.TextHtml is { } text)
        {
            html.Append("<p>").Append(text).Append("</p>\n");
        }

        if (screen.Fields.Count > 0)
        {
            html.Append("<dl>");
            foreach (var field in screen.Fields)
            {
                html.Append("<div><dt>").Append(Encode(field.Label)).Append("</dt><dd>").Append(Encode(field.Value)).Append("</dd></div>");
            }

            html.Append("</dl>\n");
        }

        for (var i = 0; i < screen.Choices.Count; i++)
        {
            var choice = screen.Choices[i];
            html.Append("<button name=\"path\" value=\"").Append(prefix).Append(i).Append("\" data-i=\"").Append(i).Append('"');
            if (choice.Go is { } go)
            {
                html.Append(" data-go=\"").Append(Encode(go)).Append('"');
            }

            html.Append('>').Append(choice.LabelHtml).Append("</button>\n");
            if (choice.ExplainHtml is { } explain)
            {
                html.Append("<template data-explain=\"").Append(i).Append("\">").Append(explain).Append("</template>\n");
            }
        }

        if (screen.IsEnd)
        {
            html.Append("<p class=\"result right\">Bạn đã làm đúng từ đầu đến cuối.").Append(screen.ExplainHtml is { } closing ? " " + closing : "").Append("</p>\n");
        }

        html.Append("</form>\n");
    }

    // Only the characters that matter in text and attributes: Vietnamese letters stay as they are (smaller pages).
    private static string Encode(string text) =>
        text.Replace("&", "&amp;").Replace("\"", "&quot;").Replace("<", "&lt;").Replace(">", "&gt;");
}
