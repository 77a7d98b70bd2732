using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace BinhDanHocVuSo.Content.FrontMatter;

/// <summary>
/// Typed, validating access to front matter fields. Every getter reports a problem itself
/// (at the field's line, or at the closing "---" when the field is missing) and returns null.
/// </summary>
internal sealed class FrontMatterFields
{
    // YAML lines are counted from the line after the opening "---".
    private const int LineOffset = 1;

    private readonly Dictionary<string, KeyValuePair<YamlNode, YamlNode>> _fields;
    private readonly ErrorList _errors;
    private readonly int _closingLine;

    public FrontMatterFields(YamlMappingNode mapping, ErrorList errors, int closingLine)
    {
        _errors = errors;
        _closingLine = closingLine;
        _fields = new Dictionary<string, KeyValuePair<YamlNode, YamlNode>>(StringComparer.Ordinal);
        foreach (var field in mapping.Children)
        {
            if (field.Key is YamlScalarNode { Value: { } name })
            {
                _fields[name] = field;
            }
        }
    }

    public int LineOf(string name) => _fields.TryGetValue(name, out var field) ? LineOffset + (int)field.Key.Start.Line : _closingLine;

    /// <summary>The file line of a node inside the front matter (for errors in nested values such as list items).</summary>
    public static int LineOf(YamlNode node) => LineOffset + (int)node.Start.Line;

    /// <summary>The raw value of a field, or null when the field is absent: for values with a structure of their own.</summary>
    public YamlNode? Node(string name) => _fields.TryGetValue(name, out var field) ? field.Value : null;

    /// <summary>Reports that a required field is missing, at the closing "---".</summary>
    public void Missing(string name, string example) => ReportMissing(name, example);

    /// <summary>An optional field whose value must be one of <paramref name="allowed"/>; <paramref name="fallback"/> when absent.</summary>
    public string? OptionalChoice(string name, IReadOnlyList<string> allowed, string fallback)
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            return fallback;
        }

        if (field.Value is YamlScalarNode { Value: { } value } && allowed.Contains(value.Trim(), StringComparer.Ordinal))
        {
            return value.Trim();
        }

        _errors.Add(LineOf(name), $"'{name}' must be one of {string.Join(", ", allowed)}, e.g. \"{name}: {allowed[0]}\"");
        return null;
    }

    /// <summary>Reports fields that are not in <paramref name="known"/>: usually a typo that would otherwise be silently ignored.</summary>
    public void RejectUnknown(IReadOnlyCollection<string> known)
    {
        foreach (var (name, field) in _fields)
        {
            if (!known.Contains(name))
            {
                _errors.Add(LineOffset + (int)field.Key.Start.Line, $"unknown field '{name}': the fields are {string.Join(", ", known)}");
            }
        }
    }

    public string? RequiredString(string name, string example)
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            ReportMissing(name, example);
            return null;
        }

        if (field.Value is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            _errors.Add(LineOf(name), $"'{name}' is empty or not a single value: write it like \"{name}: {example}\"");
            return null;
        }

        return value.Trim();
    }

    public string? RequiredSlug(string name, string example)
    {
        var value = RequiredString(name, example);
        if (value is not null && !Slugs.IsValid(value))
        {
            _errors.Add(LineOf(name), $"'{name}: {value}' is not a valid slug: use only lowercase a–z, 0–9 and \"-\" (no accents, no spaces), e.g. \"{example}\"");
            return null;
        }

        return value;
    }

    public int? RequiredInt(string name, int min, int max, string example)
    {
        if (!_fields.ContainsKey(name))
        {
            ReportMissing(name, example);
            return null;
        }

        return Int(name, min, max, example);
    }

    public int? OptionalInt(string name, int min, int max, string example) =>
        _fields.ContainsKey(name) ? Int(name, min, max, example) : null;

    /// <summary>A list of text values, written <c>[a, b]</c> or as "- a" lines. Returns an empty list when absent and optional.</summary>
    public IReadOnlyList<string>? StringList(string name, bool required, string example)
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            if (required)
            {
                ReportMissing(name, example);
                return null;
            }

            return [];
        }

        if (field.Value is YamlScalarNode { Value: null or "" or "~" } && !required)
        {
            return [];
        }

        if (field.Value is not YamlSequenceNode sequence)
        {
            _errors.Add(LineOf(name), $"'{name}' must be a list: write it like \"{name}: {example}\"");
            return null;
        }

        var values = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
            {
                _errors.Add(LineOffset + (int)item.Start.Line, $"'{name}' contains an empty or nested item: write it like \"{name}: {example}\"");
                return null;
            }

            values.Add(value.Trim());
        }

        if (required && values.Count == 0)
        {
            _errors.Add(LineOf(name), $"'{name}' is empty: write it like \"{name}: {example}\"");
            return null;
        }

        return values;
    }

    private int? Int(string name, int min, int max, string example)
    {
        var field = _fields[name];
        if (field.Value is YamlScalarNode { Value: { } text }
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        _errors.Add(LineOf(name), $"'{name}' must be a whole number from {min} to {max}, e.g. \"{name}: {example}\"");
        return null;
    }

    private void ReportMissing(string name, string example) =>
        _errors.Add(_closingLine, $"the front matter has no '{name}': add a line \"{name}: {example}\" before the closing \"---\"");
}
