using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BinhDanHocVuSo.Content.Markdown.Images;

/// <summary>
/// Checks lesson images (local file beside the lesson, with alt text) and rewrites them to the course's media URL,
/// loaded lazily with their size, because learners pay for every byte on a slow mobile connection.
/// </summary>
internal static class ImagePolicy
{
    private static readonly string[] _extensions = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"];

    public static void Apply(MarkdownDocument document, MarkdownRenderContext context, List<MarkdownProblem> problems)
    {
        foreach (var image in document.Descendants<LinkInline>().Where(link => link.IsImage))
        {
            var line = image.Line + 1;
            var url = image.Url ?? "";
            if (string.IsNullOrWhiteSpace(AltText(image)))
            {
                problems.Add(new MarkdownProblem(line, $"the image '{url}' has no description (alt text), which people who cannot see it need: write one between the brackets, e.g. ![Màn hình đăng nhập VNeID]({url})"));
            }

            var fileName = LocalFileName(url);
            if (fileName is null)
            {
                problems.Add(new MarkdownProblem(line, $"the image '{url}' must be a file beside the lesson: copy it into the course folder and write just its name, e.g. ![…](hinh-otp.png)"));
                continue;
            }

            if (!_extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant()))
            {
                problems.Add(new MarkdownProblem(line, $"the image '{fileName}' is not a supported picture: use a .png, .jpg, .gif or .webp file, or an .svg drawing"));
                continue;
            }

            var path = context.MediaDirectory is null ? null : Path.Combine(context.MediaDirectory, fileName);
            if (path is not null && !File.Exists(path))
            {
                problems.Add(new MarkdownProblem(line, $"the image file '{fileName}' does not exist beside the lesson: check the spelling (capital letters count) or add the file"));
            }

            image.Url = $"/c/{context.CourseSlug}/media/{Uri.EscapeDataString(fileName)}";
            var attributes = image.GetAttributes();
            attributes.AddProperty("loading", "lazy");
            attributes.AddProperty("decoding", "async");
            var size = path is not null && File.Exists(path) ? ReadSize(path, fileName, line, problems) : null;
            if (size is var (width, height))
            {
                attributes.AddProperty("width", width.ToString(System.Globalization.CultureInfo.InvariantCulture));
                attributes.AddProperty("height", height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>The picture's size; a drawing (.svg) is also checked, and its problems are reported in the drawing at their line.</summary>
    private static (int Width, int Height)? ReadSize(string path, string fileName, int line, List<MarkdownProblem> problems)
    {
        if (!fileName.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            return ImageSize.Read(path);
        }

        var drawing = SvgDrawing.Check(path, fileName);
        if (drawing.TooLarge)
        {
            problems.Add(new MarkdownProblem(line, $"the drawing '{fileName}' is {new FileInfo(path).Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes: a drawing may be at most {SvgDrawing.MaxBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes; simplify its shapes or remove unused parts"));
        }

        problems.AddRange(drawing.Problems);
        return drawing.Size;
    }

    private static string AltText(LinkInline image) =>
        string.Concat(image.Descendants<LiteralInline>().Select(literal => literal.Content.ToString()));

    /// <summary>The file name of a relative image URL without folders, or null for anything else.</summary>
    private static string? LocalFileName(string url)
    {
        if (url.Length == 0 || url.Contains(':') || url.StartsWith('/') || url.Contains('?') || url.Contains('#'))
        {
            return null;
        }

        var name = Uri.UnescapeDataString(url.StartsWith("./", StringComparison.Ordinal) ? url[2..] : url);
        return name.Length == 0 || name.Contains('/') || name.Contains('\\') || name.StartsWith('.') ? null : name;
    }
}
