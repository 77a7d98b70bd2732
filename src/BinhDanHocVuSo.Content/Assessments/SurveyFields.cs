using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace BinhDanHocVuSo.Content.Assessments;

/// <summary>
/// Typed, validating access to the fields of one YAML mapping of a survey file. Every getter reports its own
/// problem (at the field's line, or at the mapping's line when the field is missing) and returns null.
/// </summary>
internal sealed class SurveyFields
{
    private readonly Dictionary<string, KeyValuePair<YamlNode, YamlNode>> _fields = new(StringComparer.Ordinal);
    private readonly ErrorList _errors;
    private readonly string _what;

    /// <param name="mapping">The mapping to read.</param>
    /// <param name="errors">Where problems go.</param>
    /// <param name="what">How messages name the mapping, e.g. "item 'sr-0-1-f'".</param>
    public SurveyFields(YamlMappingNode mapping, ErrorList errors, string what)
    {
        _errors = errors;
        _what = what;
        Line = LineOf(mapping);
        foreach (var field in mapping.Children)
        {
            if (field.Key is YamlScalarNode { Value: { } name })
            {
                _fields[name] = field;
            }
        }
    }

    /// <summary>1-based line where the mapping starts.</summary>
    public int Line { get; }

    public static int LineOf(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    /// <summary>Reads a node that must be a mapping, or reports it.</summary>
    public static SurveyFields? Of(YamlNode node, ErrorList errors, string what, string expected)
    {
        if (node is YamlMappingNode mapping)
        {
            return new SurveyFields(mapping, errors, what);
        }

        errors.Add(LineOf(node), $"{what} must be a mapping with {expected}");
        return null;
    }

    public int LineOf(string name) => _fields.TryGetValue(name, out var field) ? LineOf(field.Key) : Line;

    public bool Has(string name) => _fields.ContainsKey(name);

    /// <summary>Reports fields that are not in <paramref name="known"/>: usually a typo that would otherwise be silently ignored.</summary>
    public void RejectUnknown(params string[] known)
    {
        foreach (var (name, field) in _fields)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                _errors.Add(LineOf(field.Key), $"{_what}: unknown field '{name}' (the fields are {string.Join(", ", known)})");
            }
        }
    }

    public string? String(string name, bool required = true)
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            if (required)
            {
                _errors.Add(Line, $"{_what}: '{name}' is missing");
            }

            return null;
        }

        if (field.Value is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            _errors.Add(LineOf(field.Key), $"{_what}: '{name}' is empty or not a single value");
            return null;
        }

        return value.Trim();
    }

    public string? Slug(string name)
    {
        var value = String(name);
        if (value is not null && !Slugs.IsValid(value))
        {
            _errors.Add(LineOf(name), $"{_what}: '{name}: {value}' is not a valid id: use only lowercase a–z, 0–9 and \"-\"");
            return null;
        }

        return value;
    }

    public int? Int(string name, int min, int max) =>
        Parsed(name, min, max, text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null,
            $"must be a whole number from {min} to {max}");

    public double? Number(string name, double min, double max) =>
        Parsed(name, min, max, text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null,
            $"must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)} (with a dot, e.g. 0.5)");

    private T? Parsed<T>(string name, T min, T max, Func<string, T?> parse, string rule) where T : struct, IComparable<T>
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (parse(text) is not { } value || value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            _errors.Add(LineOf(name), $"{_what}: '{name}: {text}' {rule}");
            return null;
        }

        return value;
    }

    /// <summary>An optional true/false field; false when absent.</summary>
    public bool Bool(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null)
        {
            return false;
        }

        if (!bool.TryParse(text, out var value))
        {
            _errors.Add(LineOf(name), $"{_what}: '{name}: {text}' must be true or false");
        }

        return value;
    }

    public YamlSequenceNode? List(string name, bool required = true)
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            if (required)
            {
                _errors.Add(Line, $"{_what}: the list '{name}' is missing");
            }

            return null;
        }

        if (field.Value is YamlSequenceNode { Children.Count: > 0 } list)
        {
            return list;
        }

        _errors.Add(LineOf(field.Key), $"{_what}: '{name}' must be a non-empty list (lines starting with \"- \")");
        return null;
    }

    public SurveyFields? Map(string name, string expected)
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            _errors.Add(Line, $"{_what}: '{name}' is missing");
            return null;
        }

        return Of(field.Value, _errors, $"'{name}'", expected);
    }

    /// <summary>The entries of a mapping field as (key, key line, value node), for maps keyed by data (e.g. competence ids).</summary>
    public IReadOnlyList<(string Key, int Line, YamlNode Value)> Entries(string name, bool required = true)
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            if (required)
            {
                _errors.Add(Line, $"{_what}: '{name}' is missing");
            }

            return [];
        }

        if (field.Value is not YamlMappingNode mapping)
        {
            _errors.Add(LineOf(field.Key), $"{_what}: '{name}' must be a mapping of \"key: value\" lines");
            return [];
        }

        return [.. mapping.Children.Select(entry => ((entry.Key as YamlScalarNode)?.Value ?? "", LineOf(entry.Key), entry.Value))];
    }
}
