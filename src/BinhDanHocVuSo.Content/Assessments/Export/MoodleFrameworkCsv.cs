using System.Text;
using BinhDanHocVuSo.Content.Assessments.Scoring;
using BinhDanHocVuSo.Content.Competences;

namespace BinhDanHocVuSo.Content.Assessments.Export;

/// <summary>The framework row of a Moodle export.</summary>
/// <param name="IdNumber">Moodle "ID number" of the framework, unique on the Moodle site.</param>
/// <param name="ShortName">Moodle short name (at most 100 characters).</param>
/// <param name="Description">Plain-text description (written as HTML-escaped text in a paragraph).</param>
public sealed record MoodleFramework(string IdNumber, string ShortName, string Description);

/// <summary>
/// The competence model as a Moodle competency-framework CSV, for the "Import competency framework" tool
/// (tool_lpimportcsv), so that provinces that also run Moodle can use the same competence ids. Pure.
/// </summary>
/// <remarks>
/// Columns, their order and their header texts are those of Moodle's own importer and exporter, checked against the
/// Moodle source (admin/tool/lpimportcsv: framework_importer::list_required_headers, lang/en/tool_lpimportcsv.php and
/// framework_exporter.php): the importer reads columns by position, the header row only labels them. One framework row
/// ("Is framework" = 1) carries the scale; domains are top-level competencies and competences are their children
/// ("Parent ID number"), which is why the taxonomy is "domain,competency". Not checked against a running Moodle.
/// </remarks>
public static class MoodleFrameworkCsv
{
    /// <summary>The 14 column headers, in the importer's order.</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        "Parent ID number", "ID number", "Short name", "Description", "Description format", "Scale values",
        "Scale configuration", "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
        "Cross-referenced competency ID numbers", "Exported ID (optional)", "Is framework", "Taxonomy",
    ];

    /// <summary>Moodle's FORMAT_HTML.</summary>
    private const string HtmlFormat = "1";

    /// <summary>
    /// Writes the framework: its scale is the survey's bands (Chưa đạt … Nâng cao), the first band the default and every
    /// other band "proficient" (anything above Chưa đạt is attained at some level).
    /// </summary>
    public static string Write(MoodleFramework framework, CompetenceModel model, SurveyDefinition survey)
    {
        var bands = LevelScale.Of(survey).Bands;
        var rows = new List<IReadOnlyList<string>>
        {
            Header,
            Row("", framework.IdNumber, framework.ShortName, framework.Description, ScaleValues(bands), ScaleConfiguration(bands), isFramework: true, taxonomy: "domain,competency"),
        };
        foreach (var domain in model.Domains)
        {
            rows.Add(Row("", domain.Id, $"{domain.Id}. {domain.Name}", $"{domain.Name} ({domain.NameEn})", "", "", isFramework: false, taxonomy: ""));
            rows.AddRange(domain.Competences.Select(c => Row(domain.Id, c.Id, $"{c.Id} {c.Name}", $"{c.Name} ({c.NameEn})", "", "", isFramework: false, taxonomy: "")));
        }

        return Csv.Write(rows);
    }

    /// <summary>Scale items separated by commas, lowest first (Moodle's compact form).</summary>
    private static string ScaleValues(IReadOnlyList<ScoreBand> bands) => string.Join(',', bands.Select(b => b.Name));

    /// <summary>
    /// Moodle's scale configuration JSON: the scale id (replaced by the importer with the scale it finds or creates), then
    /// per item (1-based) whether it is the default and whether it is proficient.
    /// </summary>
    private static string ScaleConfiguration(IReadOnlyList<ScoreBand> bands)
    {
        var json = new StringBuilder("[{\"scaleid\":\"0\"}");
        for (var i = 0; i < bands.Count; i++)
        {
            json.Append($",{{\"id\":{i + 1},\"scaledefault\":{(i == 0 ? 1 : 0)},\"proficient\":{(i == 0 ? 0 : 1)}}}");
        }

        return json.Append(']').ToString();
    }

    private static IReadOnlyList<string> Row(
        string parent, string idNumber, string shortName, string description, string scaleValues, string scaleConfiguration, bool isFramework, string taxonomy) =>
    [
        parent, idNumber, shortName, $"<p>{Html(description)}</p>", HtmlFormat, scaleValues, scaleConfiguration,
        "", isFramework ? "" : "0", isFramework ? "" : "null", "", "", isFramework ? "1" : "", taxonomy,
    ];

    /// <summary>Escapes the characters HTML needs escaped; Vietnamese letters stay as they are.</summary>
    private static string Html(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
