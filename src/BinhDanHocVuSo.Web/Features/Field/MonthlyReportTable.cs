using BinhDanHocVuSo.Content.Assessments.Export;
using MiniExcelLibs;

namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>A cell of the report: its text as every format shows it, and its number where it is a shown figure (for a spreadsheet).</summary>
/// <param name="Figure">What the cell holds (<c>adults</c>, <c>registered</c>, <c>t0</c>, <c>t0-share</c> …), for the page's markup.</param>
public sealed record ReportCell(string Figure, string Text, int? Number);

/// <summary>
/// The report as one table, the same for the page, the CSV and the Excel file, so a figure hidden on the page is hidden
/// in the files: a hidden count is written "&lt; 5" (1 to 4) or the page's hidden word, never as a number, and its share "—".
/// </summary>
public static class MonthlyReportTable
{
    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IReadOnlyList<string> Header(MonthlyReport report, IStringLocalizer<SharedResource> text, Func<string?, string> courseTitle)
    {
        var header = new List<string>
        {
            report.Commune is null ? text.Field("Commune") : text.Field("Village"), text.Field("Adults"), text.Field("ReportRegistered"),
        };
        foreach (var target in report.Targets)
        {
            if (target.Kind == FieldProgress.SurveyKind)
            {
                header.AddRange([text.Field("TookSurvey"), text.Field("Officials"), text.Field("ReportShareColumn", target.Percent)]);
            }
            else
            {
                header.AddRange([text.Field("ReportFinishedColumn", courseTitle(target.CourseSlug)), text.Field("ReportShareColumn", target.Percent)]);
            }
        }
        return header;
    }

    public static IReadOnlyList<ReportCell> Cells(MonthlyReport report, ReportLine line, bool total, IStringLocalizer<SharedResource> text)
    {
        var label = total ? text.Field("Total").Value : line.Key.EndsWith("/-", StringComparison.Ordinal) ? text.Field("NoVillageChosen").Value : line.Label;
        var cells = new List<ReportCell>
        {
            new("label", label, null),
            new("adults", line.Adults?.ToString(Vi) ?? "—", line.Adults),
            Count("registered", line.Registered, text),
        };
        for (var i = 0; i < report.Targets.Count; i++)
        {
            var figure = line.Targets[i];
            var name = "t" + i.ToString(CultureInfo.InvariantCulture);
            if (figure is null)
            {
                cells.Add(new(name, "", null));
                if (report.Targets[i].Kind == FieldProgress.SurveyKind)
                {
                    cells.Add(new(name + "-base", "", null));
                }
                cells.Add(new(name + "-share", "", null));
                continue;
            }
            cells.Add(Count(name, figure, text));
            if (report.Targets[i].Kind == FieldProgress.SurveyKind)
            {
                cells.Add(new(name + "-base", figure.Base?.ToString(Vi) ?? "—", figure.Base));
            }
            cells.Add(new(name + "-share", figure.Hidden || figure.Base is not > 0 ? "—" : ((double)figure.Count / figure.Base.Value).ToString("P0", Vi), null));
        }
        return cells;
    }

    static ReportCell Count(string name, ProgressLine line, IStringLocalizer<SharedResource> text) =>
        !line.Hidden ? new(name, line.Count.ToString(Vi), line.Count)
        : new(name, Disclosure.Small(line.Count) ? "< 5" : text.Field("HiddenFigure").Value, null);

    static IEnumerable<IReadOnlyList<ReportCell>> Rows(MonthlyReport report, IStringLocalizer<SharedResource> text) =>
        report.Lines.Select(l => Cells(report, l, false, text)).Append(Cells(report, report.Total, true, text));

    public static string FileName(MonthlyReport report, string extension) =>
        $"bao-cao-{(report.Commune is { } c ? c.Id[(c.Id.LastIndexOf('/') + 1)..] : "toan-tinh")}-{report.Month}.{extension}";

    /// <summary>UTF-8 with a byte-order mark so spreadsheets read the Vietnamese; the shared writer keeps "=…" as text.</summary>
    public static FileResult Csv(MonthlyReport report, IStringLocalizer<SharedResource> text, Func<string?, string> courseTitle)
    {
        // Numbers without the Vietnamese thousands dot, which a spreadsheet would read as a decimal point.
        var rows = Rows(report, text).Select(r => (IReadOnlyList<string>)[.. r.Select(c => c.Number?.ToString(CultureInfo.InvariantCulture) ?? c.Text)]);
        var csv = BinhDanHocVuSo.Content.Assessments.Export.Csv.Write([Header(report, text, courseTitle), .. rows]);
        return new FileContentResult([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], CsvType) { FileDownloadName = FileName(report, "csv") };
    }

    /// <summary>Shown figures as numbers, hidden ones as their text; MiniExcel writes every string as a text cell, never a formula.</summary>
    public static async Task<FileResult> XlsxAsync(MonthlyReport report, IStringLocalizer<SharedResource> text, Func<string?, string> courseTitle)
    {
        var header = Unique(Header(report, text, courseTitle));
        var sheet = Rows(report, text)
            .Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second.Number is { } n ? n : (object?)p.Second.Text)).ToList();
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: text.Field("ReportSheet").Value, excelType: ExcelType.XLSX);
        stream.Position = 0;
        return new FileStreamResult(stream, XlsxType) { FileDownloadName = FileName(report, "xlsx") };
    }

    /// <summary>A spreadsheet's columns are keyed by their header: two targets of one course and share get "(2)".</summary>
    static List<string> Unique(IReadOnlyList<string> header)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. header.Select(h =>
        {
            var name = h;
            for (var n = 2; !seen.Add(name); n++)
            {
                name = $"{h} ({n})";
            }
            return name;
        })];
    }
}
