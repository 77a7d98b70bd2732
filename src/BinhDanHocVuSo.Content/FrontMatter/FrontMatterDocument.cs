using YamlDotNet.RepresentationModel;

namespace BinhDanHocVuSo.Content.FrontMatter;

/// <summary>
/// A Markdown file split into its YAML front matter (between the first two <c>---</c> lines) and its body.
/// The body keeps the file's line numbers: the front matter lines are replaced by empty lines.
/// </summary>
internal sealed class FrontMatterDocument
{
    private const string Fence = "---";

    private FrontMatterDocument(string body, FrontMatterFields? fields)
    {
        Body = body;
        Fields = fields;
    }

    /// <summary>Markdown after the front matter, padded so that line n of the body is line n of the file.</summary>
    public string Body { get; }

    /// <summary>The front matter fields, or null when the front matter is missing or invalid (an error was reported).</summary>
    public FrontMatterFields? Fields { get; }

    public static FrontMatterDocument Read(string[] lines, ErrorList errors)
    {
        if (lines.Length == 0 || lines[0].Trim() != Fence)
        {
            errors.Add(1, "the file does not start with front matter: put a line \"---\" first, then the fields (slug, title, …), then another \"---\"");
            return new FrontMatterDocument(string.Join('\n', lines), null);
        }

        var closing = Array.FindIndex(lines, 1, line => line.TrimEnd() == Fence);
        if (closing < 0)
        {
            errors.Add(1, "the front matter is never closed: add a line \"---\" after the last field");
            return new FrontMatterDocument("", null);
        }

        var yaml = string.Join('\n', lines[1..closing]);
        var body = string.Join('\n', Enumerable.Repeat("", closing + 1).Concat(lines[(closing + 1)..]));
        var root = YamlReader.Load(yaml, errors, lineOffset: 1, "the front matter");
        if (root is null)
        {
            if (errors.Count == 0)
            {
                errors.Add(1, "the front matter is empty: write the fields (slug, title, …) between the two \"---\" lines");
            }

            return new FrontMatterDocument(body, null);
        }

        if (root is not YamlMappingNode mapping)
        {
            errors.Add(2, "the front matter must be a list of \"name: value\" lines");
            return new FrontMatterDocument(body, null);
        }

        return new FrontMatterDocument(body, new FrontMatterFields(mapping, errors, closingLine: closing + 1));
    }
}
