using System.Globalization;
using BinhDanHocVuSo.Content.FrontMatter;
using YamlDotNet.RepresentationModel;

namespace BinhDanHocVuSo.Content.Courses;

/// <summary>
/// Where one fact of a course that can change (a law, a threshold, a hotline, an app name) comes from,
/// so a reviewer can check it again and stale courses show up by the date of their oldest source.
/// </summary>
/// <param name="Fact">The fact as the course states it.</param>
/// <param name="Title">Title of the source (a decree, a notice, a help page).</param>
/// <param name="Publisher">Who published it.</param>
/// <param name="Date">The source's date.</param>
/// <param name="Url">A public address of the source, or null.</param>
public sealed record CourseSource(string Fact, string Title, string Publisher, SourceDate Date, string? Url)
{
    private static readonly string[] _keys = ["fact", "title", "publisher", "date", "url"];

    private const string Example =
        "add \"sources:\" with one entry per fact: \"- fact: …\", then indented \"title: …\", \"publisher: …\", \"date: 2023-12-18\" (see courses/README.md)";

    /// <summary>Reads the required <c>sources:</c> list; reports every problem at its line and returns null when there is any.</summary>
    internal static IReadOnlyList<CourseSource>? ReadAll(FrontMatterFields fields, ErrorList errors)
    {
        var node = fields.Node("sources");
        if (node is null)
        {
            errors.Add(fields.LineOf("sources"), $"the front matter has no 'sources': every course lists where each fact that can change (law, threshold, hotline, app name) comes from: {Example}");
            return null;
        }

        if (node is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            errors.Add(fields.LineOf("sources"), $"'sources' must be a list with at least one entry : {Example}");
            return null;
        }

        var before = errors.Count;
        var sources = new List<CourseSource>();
        foreach (var item in list.Children)
        {
            if (Read(item, errors) is { } source)
            {
                sources.Add(source);
            }
        }

        return errors.Count > before ? null : sources;
    }

    private static CourseSource? Read(YamlNode item, ErrorList errors)
    {
        var line = FrontMatterFields.LineOf(item);
        if (item is not YamlMappingNode entry)
        {
            errors.Add(line, "each entry of 'sources' has the lines fact, title, publisher and date (url is optional), starting with \"- fact: …\"");
            return null;
        }

        var before = errors.Count;
        var values = new Dictionary<string, (string Text, int Line)>(StringComparer.Ordinal);
        foreach (var (key, value) in entry.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var keyLine = FrontMatterFields.LineOf(key);
            if (!_keys.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(keyLine, $"unknown key '{name}' in a source: the keys are {string.Join(", ", _keys)}");
            }
            else if (value is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
            {
                errors.Add(keyLine, $"the source's '{name}' is empty or not a single value");
            }
            else
            {
                values[name] = (text.Trim(), keyLine);
            }
        }

        foreach (var required in _keys[..4])
        {
            if (!values.ContainsKey(required) && !entry.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == required))
            {
                errors.Add(line, $"this source has no '{required}': each source needs fact, title, publisher and date (YYYY-MM-DD or YYYY-MM)");
            }
        }

        SourceDate? date = null;
        if (values.TryGetValue("date", out var dateValue))
        {
            date = SourceDate.Parse(dateValue.Text);
            if (date is null)
            {
                errors.Add(dateValue.Line, $"the source's date '{dateValue.Text}' is not a date: write it as YYYY-MM-DD (2023-12-18) or YYYY-MM (2023-12)");
            }
        }

        string? url = null;
        if (values.TryGetValue("url", out var urlValue))
        {
            url = urlValue.Text;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                errors.Add(urlValue.Line, $"the source's url '{url}' is not a web address: write the full address starting with https://, or leave the url out");
            }
        }

        return errors.Count > before
            ? null
            : new CourseSource(values["fact"].Text, values["title"].Text, values["publisher"].Text, date!.Value, url);
    }
}

/// <summary>The date of a source: a day (YYYY-MM-DD) or, when only the month is known, a month (YYYY-MM).</summary>
/// <param name="Start">The day, or the first day of the month.</param>
/// <param name="HasDay">False when only the month is known.</param>
public readonly record struct SourceDate(DateOnly Start, bool HasDay) : IComparable<SourceDate>
{
    public static SourceDate? Parse(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new SourceDate(day, HasDay: true);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? new SourceDate(month, HasDay: false)
            : null;
    }

    public int CompareTo(SourceDate other) => Start.CompareTo(other.Start);

    /// <summary>As written in the front matter: 2023-12-18 or 2023-12.</summary>
    public override string ToString() => Start.ToString(HasDay ? "yyyy-MM-dd" : "yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>As Vietnamese readers write dates: 18/12/2023 or 12/2023.</summary>
    public string ToVietnamese() => Start.ToString(HasDay ? "dd/MM/yyyy" : "MM/yyyy", CultureInfo.InvariantCulture);
}
