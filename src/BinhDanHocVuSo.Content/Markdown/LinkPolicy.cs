using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BinhDanHocVuSo.Content.Markdown;

/// <summary>What links may point to, and the attributes external links get.</summary>
internal static class LinkPolicy
{
    private static readonly string[] _allowedSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>Adds rel="noopener" to web links and neutralises links a learner must never follow (javascript:, data:…).</summary>
    public static void Apply(MarkdownObject root, List<MarkdownProblem> problems, int lineOffset)
    {
        foreach (var link in root.Descendants<LinkInline>().Where(link => !link.IsImage))
        {
            link.Url = Check(link, link.Url, problems, lineOffset);
        }

        foreach (var link in root.Descendants<AutolinkInline>().Where(link => !link.IsEmail))
        {
            link.Url = Check(link, link.Url, problems, lineOffset) ?? "#";
        }
    }

    public static bool IsWebUrl(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static string? Check(Inline link, string? url, List<MarkdownProblem> problems, int lineOffset)
    {
        if (string.IsNullOrEmpty(url))
        {
            return url;
        }

        if (IsWebUrl(url))
        {
            link.GetAttributes().AddProperty("rel", "noopener");
            return url;
        }

        var colon = url.IndexOf(':');
        var slash = url.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon > 0 && (slash < 0 || colon < slash);
        if (hasScheme && !_allowedSchemes.Contains(url[..colon].ToLowerInvariant()))
        {
            problems.Add(new MarkdownProblem(link.Line + lineOffset, $"the link '{url}' is not allowed: links must start with https://, http://, mailto: or tel:"));
            return "#";
        }

        return url;
    }
}
