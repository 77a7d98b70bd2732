using System.Net;

namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>
/// The text a reader sees in a fragment of inline HTML such as a quiz prompt rendered from Markdown (emphasis, code,
/// links): the tags go, quoted attribute values with them, and entities are decoded. The dashboard lists prompts as
/// plain text; the content model keeps them only as HTML.
/// </summary>
public static class PlainText
{
    public static string OfInlineHtml(string html)
    {
        var text = new StringBuilder(html.Length);
        var inTag = false;
        char? quote = null;
        foreach (var c in html)
        {
            if (!inTag)
            {
                if (c == '<')
                {
                    inTag = true;
                }
                else
                {
                    text.Append(c);
                }
            }
            else if (quote is { } open)
            {
                if (c == open)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                inTag = false;
            }
        }
        return WebUtility.HtmlDecode(text.ToString());
    }
}
