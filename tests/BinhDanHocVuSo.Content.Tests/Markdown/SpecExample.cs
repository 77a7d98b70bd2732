namespace BinhDanHocVuSo.Content.Tests.Markdown;

/// <summary>
/// One Markdown → HTML example of a spec file. The format follows Markdig's own specs: a line of 32 backticks
/// and "example", the Markdown, a line with a single ".", the expected HTML, and a line of 32 backticks.
/// </summary>
public sealed record SpecExample(string File, string Section, int Number, int Line, string Markdown, string Html)
{
    private const string Fence = "````````````````````````````````";

    // xUnit shows this in the test name, so a failure points at the example.
    public override string ToString() => $"{File} #{Number} ({Section}, line {Line})";

    public static IEnumerable<SpecExample> ReadAll(string directory) =>
        Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal).SelectMany(Read);

    public static IEnumerable<SpecExample> Read(string path)
    {
        var lines = System.IO.File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        var section = "";
        var number = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                section = lines[i][3..].Trim();
            }
            else if (lines[i] == Fence + " example")
            {
                var start = i + 1;
                var dot = Array.IndexOf(lines, ".", start);
                var end = Array.IndexOf(lines, Fence, dot);
                yield return new SpecExample(
                    Path.GetFileName(path),
                    section,
                    ++number,
                    start,
                    string.Join('\n', lines[start..dot]) + "\n",
                    string.Join('\n', lines[(dot + 1)..end]) + "\n");
                i = end;
            }
        }
    }
}
