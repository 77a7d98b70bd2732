using System.Globalization;
using System.Text;

namespace BinhDanHocVuSo.Content.Assessments.Export;

/// <summary>
/// Writes RFC 4180 CSV: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted. Every CSV the
/// platform exports goes through here, so that no cell is read by a spreadsheet as a formula.
/// </summary>
public static class Csv
{
    public static string Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>A number with a dot and up to 6 decimals, whatever the server's culture (Vietnamese would write a comma).</summary>
    public static string Number(double value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>
    /// The cell as text a spreadsheet shows as it is: one that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
    /// carriage return would be run as a formula (CSV injection, OWASP), so it gets a leading single quote. A plain number
    /// such as <c>-1.5</c> is no formula and stays a number.
    /// </summary>
    public static string Text(string value) =>
        value.Length > 0 && FormulaStarts.Contains(value[0]) && !IsNumber(value) ? "'" + value : value;

    private const string FormulaStarts = "=+-@\t\r";

    private static bool IsNumber(string value) =>
        value[0] != '+' && double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    private static string Field(string value)
    {
        var text = Text(value);
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
