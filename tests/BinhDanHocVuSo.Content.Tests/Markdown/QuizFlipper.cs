namespace BinhDanHocVuSo.Content.Tests.Markdown;

/// <summary>
/// Moves the "[x]" marks of every question one option down (the last mark wraps to the first option), so the
/// same quiz has different right answers. A page that never reveals answers renders both versions identically.
/// </summary>
internal static class QuizFlipper
{
    public static string Flip(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var inQuiz = false;
        var options = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimEnd();
            if (trimmed.StartsWith("???", StringComparison.Ordinal))
            {
                Rotate(lines, options);
                inQuiz = !inQuiz && trimmed.Length > 3;
            }
            else if (inQuiz && trimmed.StartsWith('?'))
            {
                Rotate(lines, options);
            }
            else if (inQuiz && IsOption(lines[i]))
            {
                options.Add(i);
            }
        }

        return string.Join('\n', lines);
    }

    private static bool IsOption(string line) =>
        line.TrimStart().StartsWith("- [ ]", StringComparison.Ordinal) || line.TrimStart().StartsWith("- [x]", StringComparison.OrdinalIgnoreCase);

    private static void Rotate(string[] lines, List<int> options)
    {
        if (options.Count > 1)
        {
            var marks = options.Select(i => Mark(lines[i])).ToList();
            for (var k = 0; k < options.Count; k++)
            {
                var line = lines[options[k]];
                var at = line.IndexOf("- [", StringComparison.Ordinal) + 3;
                lines[options[k]] = line[..at] + marks[(k + options.Count - 1) % options.Count] + line[(at + 1)..];
            }
        }

        options.Clear();
    }

    private static char Mark(string line) => line[line.IndexOf("- [", StringComparison.Ordinal) + 3];
}
