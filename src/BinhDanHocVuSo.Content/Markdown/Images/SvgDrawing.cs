using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace BinhDanHocVuSo.Content.Markdown.Images;

/// <summary>
/// Checks an SVG drawing beside a lesson: small, well-formed, sized, and inert. A drawing is text and shapes only:
/// no scripts, no event handlers, no references outside the file, no embedded pictures or HTML, so that it can
/// neither run code nor reach the network, whoever opens it and however.
/// </summary>
internal static partial class SvgDrawing
{
    /// <summary>Largest drawing accepted, in bytes of the raw file: a drawing loads after the text on a slow connection.</summary>
    public const int MaxBytes = 8 * 1024;

    private const string XlinkNamespace = "http://www.w3.org/1999/xlink";

    // Elements that run code, embed other documents or pictures, or change attributes over time (which could turn a safe link into a script).
    private static readonly Dictionary<string, string> _forbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        ["script"] = "scripts are not allowed in a drawing",
        ["foreignObject"] = "<foreignObject> embeds HTML, which is not allowed in a drawing: write the text with <text>",
        ["image"] = "<image> embeds a picture, which is not allowed in a drawing: draw it with shapes, or use a .png or .jpg file in the lesson instead",
        ["iframe"] = "<iframe> is not allowed in a drawing",
        ["embed"] = "<embed> is not allowed in a drawing",
        ["object"] = "<object> is not allowed in a drawing",
        ["set"] = "animations (<set>) are not allowed in a drawing: draw a still picture",
        ["animate"] = "animations (<animate>) are not allowed in a drawing: draw a still picture",
        ["animateMotion"] = "animations (<animateMotion>) are not allowed in a drawing: draw a still picture",
        ["animateTransform"] = "animations (<animateTransform>) are not allowed in a drawing: draw a still picture",
    };

    /// <summary>The drawing's size in pixels (from width and height) when it passes, and every problem with its line in the SVG file.</summary>
    public sealed record Result((int Width, int Height)? Size, IReadOnlyList<MarkdownProblem> Problems, bool TooLarge);

    public static Result Check(string path, string fileName)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length > MaxBytes)
        {
            return new Result(null, [], TooLarge: true);
        }

        return Check(bytes, fileName);
    }

    public static Result Check(byte[] bytes, string fileName)
    {
        var problems = new List<MarkdownProblem>();
        void Add(int line, string message) => problems.Add(new MarkdownProblem(line, $"the drawing '{fileName}': {message}", fileName));

        (int, int)? size = null;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            var info = (IXmlLineInfo)reader;
            var root = true;
            while (reader.Read())
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                {
                    if (ExternalUrl(reader.Value) is { } textUrl)
                    {
                        Add(info.LineNumber, $"'{textUrl}' refers to something outside the drawing: keep everything in the file (only url(#id) is allowed)");
                    }
                    else if (reader.Value.Contains("@import", StringComparison.OrdinalIgnoreCase))
                    {
                        Add(info.LineNumber, "'@import' loads a style from outside the drawing: write the styles in the file");
                    }
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var line = info.LineNumber;
                var name = reader.LocalName;
                if (root)
                {
                    root = false;
                    if (name != "svg")
                    {
                        Add(line, $"the file starts with <{reader.Name}>, not <svg>: an SVG drawing is one <svg> element");
                        break;
                    }

                    size = ReadSize(reader, line, Add);
                }

                if (_forbiddenElements.TryGetValue(name, out var why))
                {
                    Add(line, why);
                }

                CheckAttributes(reader, line, Add);
            }
        }
        catch (XmlException e)
        {
            var reason = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "a <!DOCTYPE> or entity declaration is not allowed: remove it"
                : $"the file is not valid SVG (XML) here ({e.Message.TrimEnd('.')}): check that every tag is closed and every attribute is in quotes";
            Add(Math.Max(1, e.LineNumber), reason);
        }

        return new Result(problems.Count == 0 ? size : null, problems, TooLarge: false);
    }

    private static void CheckAttributes(XmlReader reader, int line, Action<int, string> add)
    {
        if (!reader.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            var local = reader.LocalName;
            var value = reader.Value.Trim();
            if (local.StartsWith("on", StringComparison.OrdinalIgnoreCase) && reader.Prefix != "xmlns")
            {
                add(line, $"the attribute '{reader.Name}' runs a script when something happens: remove it");
            }
            else if (local == "href" && (reader.NamespaceURI is "" or XlinkNamespace) && !value.StartsWith('#'))
            {
                add(line, $"'{reader.Name}=\"{value}\"' refers to something outside the drawing: only references inside the file (\"#id\") are allowed");
            }
            else if (ExternalUrl(value) is { } url)
            {
                add(line, $"'{url}' in '{reader.Name}' refers to something outside the drawing: keep everything in the file (only url(#id) is allowed)");
            }
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
    }

    /// <summary>Width and height in pixels from the attributes (plain numbers or "px"); the viewBox is required so the drawing scales to narrow screens.</summary>
    private static (int, int)? ReadSize(XmlReader reader, int line, Action<int, string> add)
    {
        var viewBox = reader.GetAttribute("viewBox");
        var box = viewBox?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (box is not { Length: 4 } || !box.All(n => double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            add(line, "the <svg> element needs a viewBox of four numbers, e.g. viewBox=\"0 0 320 200\", so the drawing fits narrow screens");
        }

        var width = Pixels(reader.GetAttribute("width"));
        var height = Pixels(reader.GetAttribute("height"));
        if (width is null || height is null)
        {
            add(line, "the <svg> element needs width and height in pixels, e.g. width=\"320\" height=\"200\", so the page keeps room for it while it loads");
            return null;
        }

        return (width.Value, height.Value);
    }

    private static int? Pixels(string? value)
    {
        var text = value?.Trim();
        if (text is null)
        {
            return null;
        }

        text = text.EndsWith("px", StringComparison.Ordinal) ? text[..^2] : text;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 10_000
            ? (int)Math.Ceiling(number)
            : null;
    }

    /// <summary>The first url(…) in a value that is not a reference inside the file (url(#id)), or null.</summary>
    private static string? ExternalUrl(string value)
    {
        foreach (Match match in UrlReference().Matches(value))
        {
            var target = match.Groups[1].Value.Trim().Trim('"', '\'').Trim();
            if (!target.StartsWith('#'))
            {
                return match.Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"url\(\s*([^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlReference();
}
