using BinhDanHocVuSo.Content.Assessments.Export;
using MiniExcelLibs;

namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>The dashboard's member grid as a file for a spreadsheet: one row per member, one column per assigned course.</summary>
public static class GroupExport
{
    public static async Task<FileResult> FileAsync(GroupDashboard dashboard, string? format, IStringLocalizer<GroupText> text)
    {
        var header = new List<string> { text["Name"] };
        header.AddRange(dashboard.Courses.Select(c => c.Title));
        header.Add(text["LastActiveColumn"]);
        var rows = dashboard.Members.Select(m =>
        {
            var row = new List<string> { m.Name };
            row.AddRange(m.Cells.Select(cell => text["Status." + cell].Value));
            row.Add(m.LastActive?.ToString("yyyy-MM-dd") ?? "");
            return row;
        }).ToList();
        var name = $"nhom-{dashboard.Group.JoinCode.ToLowerInvariant()}";
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            // MiniExcel writes every string as a text cell, never as a formula.
            var sheet = rows.Select(r => header.Zip(r).ToDictionary(p => p.First, p => (object?)p.Second)).ToList();
            var stream = new MemoryStream();
            await stream.SaveAsAsync(sheet, excelType: ExcelType.XLSX);
            stream.Position = 0;
            return new FileStreamResult(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = name + ".xlsx" };
        }
        // The shared CSV writer makes a name such as "=HYPERLINK(…)" text; the byte-order mark makes spreadsheets read UTF-8.
        var csv = Csv.Write([header, .. rows]);
        return new FileContentResult([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8") { FileDownloadName = name + ".csv" };
    }
}
