using System.Globalization;
using System.Text;

namespace BinhDanHocVuSo.Content.Assessments.Export;

/// <summary>Writes RFC 4180 CSV: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted.</summary>
internal static class Csv
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

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
