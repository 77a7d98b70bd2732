using BinhDanHocVuSo.Content.FrontMatter;
using BinhDanHocVuSo.Content.Markdown;
using YamlDotNet.RepresentationModel;

namespace BinhDanHocVuSo.Content.Practice;

/// <summary>
/// Checked access to one YAML mapping of a practice block or a drill bank. Every getter reports its own problem at
/// the file line of the key (YAML lines shifted by the block's line) and returns null.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly int _offset;
    private readonly List<MarkdownProblem> _problems;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _keys = new(StringComparer.Ordinal);

    /// <param name="node">The mapping.</param>
    /// <param name="offset">Added to YAML's 1-based line numbers to give file lines.</param>
    /// <param name="problems">Where problems go.</param>
    /// <param name="what">What the mapping is, for messages ("screen 'trang-chu'").</param>
    public YamlMap(YamlMappingNode node, int offset, List<MarkdownProblem> problems, string what)
    {
        (_node, _offset, _problems, What) = (node, offset, problems, what);
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                _keys[name] = (key, value);
            }
        }
    }

    public string What { get; set; }

    /// <summary>True once <see cref="RejectUnknown"/> found a key it does not know: a missing key is then most likely that typo, reported once.</summary>
    public bool HasUnknown { get; private set; }

    /// <summary>The raw text of a key, without any check or report.</summary>
    public string? Peek(string key) => _keys.TryGetValue(key, out var pair) && pair.Value is YamlScalarNode { Value: { } value } ? value.Trim() : null;

    /// <summary>File line where the mapping starts.</summary>
    public int Line => LineOf(_node);

    public int LineOf(YamlNode node) => _offset + (int)node.Start.Line;

    /// <summary>The key's line, or the mapping's when the key is absent.</summary>
    public int LineOf(string key) => _keys.TryGetValue(key, out var pair) ? LineOf(pair.Key) : Line;

    public bool Has(string key) => _keys.ContainsKey(key);

    public void Report(int line, string message) => _problems.Add(new MarkdownProblem(line, message));

    /// <summary>Reports keys not in <paramref name="allowed"/>, naming the allowed ones: a typo would otherwise be ignored.</summary>
    public void RejectUnknown(IReadOnlyList<string> allowed)
    {
        foreach (var (name, (key, _)) in _keys)
        {
            if (!allowed.Contains(name))
            {
                Report(LineOf(key), $"unknown key '{name}' in {What}: the keys are {string.Join(", ", allowed)}");
                HasUnknown = true;
            }
        }
    }

    /// <summary>A text value; reports it missing (at the mapping's line) when required.</summary>
    public string? Text(string key, bool required, string example)
    {
        if (!_keys.TryGetValue(key, out var pair))
        {
            if (required && !HasUnknown)
            {
                Report(Line, $"{What} has no '{key}': add a line \"{key}: {example}\"");
            }

            return null;
        }

        if (pair.Value is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            Report(LineOf(pair.Key), $"'{key}' in {What} is empty or not a single value: write it like \"{key}: {example}\"");
            return null;
        }

        return value.Trim();
    }

    /// <summary>A slug value (lowercase a–z, 0–9, "-").</summary>
    public string? Slug(string key, bool required, string example)
    {
        var value = Text(key, required, example);
        if (value is not null && !Slugs.IsValid(value))
        {
            Report(LineOf(key), $"'{key}: {value}' in {What} is not a valid id: use only lowercase a–z, 0–9 and \"-\", e.g. \"{example}\"");
            return null;
        }

        return value;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int? Number(string key, int min, int max, string example)
    {
        var value = Text(key, required: true, example);
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            Report(LineOf(key), $"'{key}' in {What} must be a whole number from {min} to {max}, e.g. \"{key}: {example}\"");
            return null;
        }

        return number;
    }

    /// <summary>True for <c>true</c>, false for <c>false</c> or when absent.</summary>
    public bool Flag(string key)
    {
        var value = Text(key, required: false, "true");
        if (value is null or "false")
        {
            return false;
        }

        if (value != "true")
        {
            Report(LineOf(key), $"'{key}' in {What} must be true or false, e.g. \"{key}: true\"");
            return false;
        }

        return true;
    }

    /// <summary>A list of mappings ("- key: value" items); null (reported) when it is something else.</summary>
    public IReadOnlyList<YamlMappingNode>? Items(string key, bool required, string example)
    {
        if (!_keys.TryGetValue(key, out var pair))
        {
            if (required && !HasUnknown)
            {
                Report(Line, $"{What} has no '{key}': add a list \"{key}:\" with items like \"  - {example}\"");
            }

            return required ? null : [];
        }

        if (pair.Value is not YamlSequenceNode sequence)
        {
            Report(LineOf(pair.Key), $"'{key}' in {What} must be a list of items, each starting with \"- \", like \"  - {example}\"");
            return null;
        }

        var items = new List<YamlMappingNode>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                Report(LineOf(item), $"an item of '{key}' in {What} must be \"key: value\" lines, like \"- {example}\"");
                continue;
            }

            items.Add(mapping);
        }

        return items;
    }

    /// <summary>Loads YAML text, reporting invalid YAML at its file line; null when it is not a mapping.</summary>
    public static YamlMappingNode? Load(string yaml, int offset, List<MarkdownProblem> problems, string what, int lineWhenEmpty)
    {
        var errors = new ErrorList("");
        var root = YamlReader.Load(yaml, errors, offset, what);
        problems.AddRange(errors.Items.Select(error => new MarkdownProblem(error.Line, error.Message)));
        if (errors.Count > 0)
        {
            return null;
        }

        if (root is not YamlMappingNode mapping)
        {
            problems.Add(new MarkdownProblem(lineWhenEmpty, $"{what} must be \"key: value\" lines (YAML)"));
            return null;
        }

        return mapping;
    }
}
