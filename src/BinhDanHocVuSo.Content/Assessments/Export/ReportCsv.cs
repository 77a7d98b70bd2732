using BinhDanHocVuSo.Content.Assessments.Reports;

namespace BinhDanHocVuSo.Content.Assessments.Export;

/// <summary>
/// The report as one long CSV table (section, group, competence or domain, measure, value, note), so that any
/// spreadsheet can filter and pivot it. Hidden cells have an empty value and their Vietnamese note. Pure.
/// </summary>
public static class ReportCsv
{
    /// <summary>The header row.</summary>
    public static readonly IReadOnlyList<string> Header = ["Phần", "Nhóm", "Năng lực/Lĩnh vực", "Chỉ số", "Giá trị", "Ghi chú"];

    /// <summary>Writes a report; <paramref name="groupLabel"/> names groups (e.g. with commune names from the accounts).</summary>
    public static string Write(SurveyReport report, Func<GroupKey, string> groupLabel)
    {
        var rows = new List<IReadOnlyList<string>> { Header };
        var group = groupLabel(report.Header.Group);
        var h = report.Header;
        rows.Add(Row("Thông tin chung", group, "", "Số người trả lời", ReportCell.Shown(h.Respondents)));
        rows.Add(Row("Thông tin chung", group, "", "Số người được mời", ReportCell.Shown(h.Invited)));
        rows.Add(Row("Thông tin chung", group, "", "Tỉ lệ trả lời (%)", ReportCell.Shown(h.ResponseRate * 100), h.LowResponseRate ? "tỉ lệ trả lời thấp" : null));
        rows.Add(Row("Thông tin chung", group, "", "Phiên bản khảo sát", ReportCell.Shown(h.SurveyVersion), h.SurveyId));
        rows.Add(Row("Thông tin chung", group, "", "Số ô bị ẩn", ReportCell.Shown(h.SuppressedCells), h.Notice));
        rows.Add(Row("Thông tin chung", group, "", "Số người bị gắn cờ (sai câu kiểm tra sự chú ý hoặc làm quá nhanh)", ReportCell.Shown(h.Flagged),
            h.FlaggedIncluded ? "đã tính vào số liệu" : "không tính vào số liệu"));
        foreach (var row in report.HeatMap)
        {
            foreach (var cell in row.Columns.Prepend(row.Total))
            {
                rows.Add(Row("Bản đồ nhiệt", groupLabel(cell.Group), row.CompetenceId, "Bậc trung bình", cell.MeanLevel));
                rows.Add(Row("Bản đồ nhiệt", groupLabel(cell.Group), row.CompetenceId, "% dưới mục tiêu", cell.PercentBelowTarget));
            }
        }

        foreach (var p in report.Priorities)
        {
            var what = $"{p.Rank}. {p.CompetenceId}";
            rows.Add(Row("Ưu tiên bồi dưỡng", group, what, "Mức ưu tiên (P)", p.Priority));
            rows.Add(Row("Ưu tiên bồi dưỡng", group, what, "% dưới mục tiêu", p.PercentBelowTarget));
            rows.Add(Row("Ưu tiên bồi dưỡng", group, what, "Khoảng cách trung bình", p.MeanGap));
            rows.Add(Row("Ưu tiên bồi dưỡng", group, what, "Mục tiêu", p.Target));
            rows.Add(Row("Ưu tiên bồi dưỡng", group, what, "Số người cần học", p.ToEnrol, p.CourseSlug is null ? "Thiếu học liệu" : $"{p.CourseSlug} ({p.Minutes} phút)"));
        }

        foreach (var d in report.Domains)
        {
            rows.AddRange(d.Bands.Select(b => Row("Phân bố theo lĩnh vực", group, d.DomainId, $"% {b.Band.Name}", b.Percent)));
            rows.Add(Row("Phân bố theo lĩnh vực", group, d.DomainId, "Bậc trung bình", d.MeanLevel));
            rows.Add(Row("Phân bố theo lĩnh vực", group, d.DomainId, "Mục tiêu trung bình", d.MeanTarget));
            rows.Add(Row("Phân bố theo lĩnh vực", group, d.DomainId, "% dưới mục tiêu", d.PercentBelowTarget));
        }

        foreach (var c in report.Calibration)
        {
            rows.Add(Row("Tự đánh giá và kiến thức", groupLabel(c.Group), c.DomainId, "Điểm tự đánh giá", c.SelfScore));
            rows.Add(Row("Tự đánh giá và kiến thức", groupLabel(c.Group), c.DomainId, "Điểm kiến thức", c.KnowledgeScore));
            rows.Add(Row("Tự đánh giá và kiến thức", groupLabel(c.Group), c.DomainId, "% tự đánh giá cao hơn thực tế", c.PercentOverconfident));
        }

        rows.AddRange(report.ContentGaps.Select(id => Row("Thiếu học liệu", group, id, "Chưa có khoá học phù hợp", ReportCell.Shown(null))));
        return Csv.Write(rows);
    }

    private static IReadOnlyList<string> Row(string section, string group, string what, string measure, ReportCell cell, string? note = null) =>
        [section, group, what, measure, cell.Value is { } v ? Csv.Number(v) : "", cell.Note ?? note ?? ""];
}
