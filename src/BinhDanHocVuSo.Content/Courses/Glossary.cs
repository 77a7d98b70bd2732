using System.Globalization;
using System.Text;
using BinhDanHocVuSo.Content.FrontMatter;
using YamlDotNet.RepresentationModel;

namespace BinhDanHocVuSo.Content.Courses;

/// <summary>One hard word explained in plain Vietnamese.</summary>
/// <param name="Term">The word as the courses write it.</param>
/// <param name="Meaning">What it means, in plain words.</param>
/// <param name="SeeAlso">Other terms of the glossary worth reading with it.</param>
/// <param name="Anchor">The id of its place on the glossary page: /thuat-ngu#anchor.</param>
public sealed record GlossaryTerm(string Term, string Meaning, IReadOnlyList<string> SeeAlso, string Anchor);

/// <summary>
/// <c>courses/glossary.yaml</c>: a list of terms (term, meaning, optional see_also), served at <c>/thuat-ngu</c>.
/// Checked like a course: a duplicate term, an empty meaning, an unknown key or a "see also" to a missing term is reported at its line.
/// </summary>
public sealed class Glossary
{
    public const string FileName = "glossary.yaml";

    private static readonly string[] _keys = ["term", "meaning", "see_also"];

    public Glossary(IReadOnlyList<GlossaryTerm> terms) => Terms = terms;

    public static Glossary Empty { get; } = new([]);

    /// <summary>Terms sorted in Vietnamese alphabetical order.</summary>
    public IReadOnlyList<GlossaryTerm> Terms { get; }

    internal static Glossary Read(string path, string root, List<ContentError> allErrors)
    {
        var errors = new ErrorList(ContentPaths.Relative(root, path));
        var file = ContentFile.Read(path, errors);
        var node = file is null ? null : YamlReader.Load(string.Join('\n', file.Lines), errors, lineOffset: 0, "the glossary");
        var terms = new List<(GlossaryTerm Term, int Line, int SeeAlsoLine)>();
        if (file is not null && node is not YamlSequenceNode list)
        {
            if (errors.Count == 0)
            {
                errors.Add(1, "the glossary must be a list of entries, each starting with \"- term: …\" then an indented \"meaning: …\"");
            }
        }
        else if (node is YamlSequenceNode sequence)
        {
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in sequence.Children)
            {
                var line = FrontMatterFields.LineOf(item) - 1;
                if (ReadTerm(item, line, errors) is not var (term, seeAlsoLine))
                {
                    continue;
                }

                if (seen.TryGetValue(term.Term, out var first))
                {
                    errors.Add(line, $"the term '{term.Term}' is already explained at line {first}: keep one entry per term");
                    continue;
                }

                seen[term.Term] = line;
                terms.Add((term, line, seeAlsoLine));
            }

            foreach (var (term, _, seeAlsoLine) in terms)
            {
                foreach (var other in term.SeeAlso.Where(o => !seen.ContainsKey(o)))
                {
                    errors.Add(seeAlsoLine, $"'see_also' names '{other}', which is not a term of the glossary: add it or correct the spelling");
                }
            }
        }

        allErrors.AddRange(errors.Items);
        var culture = CultureInfo.GetCultureInfo("vi-VN");
        return errors.Count > 0 ? Empty : new Glossary([.. terms.Select(t => t.Term).OrderBy(t => t.Term, StringComparer.Create(culture, ignoreCase: true))]);
    }

    private static (GlossaryTerm, int)? ReadTerm(YamlNode item, int line, ErrorList errors)
    {
        if (item is not YamlMappingNode entry)
        {
            errors.Add(line, "each entry starts with \"- term: …\" followed by an indented \"meaning: …\"");
            return null;
        }

        var before = errors.Count;
        string? term = null, meaning = null;
        var seeAlso = new List<string>();
        var seeAlsoLine = line;
        foreach (var (key, value) in entry.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var keyLine = FrontMatterFields.LineOf(key) - 1;
            if (!_keys.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(keyLine, $"unknown key '{name}': the keys are {string.Join(", ", _keys)}");
            }
            else if (name == "see_also")
            {
                seeAlsoLine = keyLine;
                var items = value is YamlSequenceNode many ? many.Children : [value];
                seeAlso.AddRange(items.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "").Where(s => s.Length > 0));
            }
            else if (value is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
            {
                errors.Add(keyLine, $"the {name} is empty: write {(name == "term" ? "the word as the courses use it" : "what it means, in plain Vietnamese")}");
            }
            else if (name == "term")
            {
                term = text.Trim();
            }
            else
            {
                meaning = text.Trim();
            }
        }

        if (errors.Count == before && (term is null || meaning is null))
        {
            errors.Add(line, term is null ? "this entry has no 'term'" : $"the term '{term}' has no 'meaning': explain it in plain Vietnamese");
        }

        return errors.Count > before ? null : (new GlossaryTerm(term!, meaning!, seeAlso, AnchorOf(term!)), seeAlsoLine);
    }

    /// <summary>A stable, readable anchor: the term without accents, lowercase, words joined by "-" (đ becomes d).</summary>
    public static string AnchorOf(string term)
    {
        var plain = new StringBuilder();
        foreach (var c in term.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            plain.Append(c is 'đ' ? 'd' : char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return string.Join('-', plain.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
