using BinhDanHocVuSo.Content.Assessments.Export;
using BinhDanHocVuSo.Content.Assessments.Reports;
using BinhDanHocVuSo.Content.Tests.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Export;

public class ReportCsvTests
{
    // The worked example's seven, their flags cleared so that all seven count.
    private static readonly ReportGroup _group = new(GroupKey.All, [.. WorkedExample.Scores.Select(s => s with { Flags = new(false, false) })]);

    private static readonly List<List<string>> _rows = CsvParser.Parse(ReportCsv.Write(
        SurveyReportBuilder.Build(WorkedExample.Survey, new ReportRequest(_group, 10, WorkedExample.Courses, ReportGroups.By(_group.Members, GroupBy.Position), [])),
        key => key.RoleId ?? "Toàn tỉnh"));

    [Fact]
    public void The_report_csv_has_a_Vietnamese_header_and_six_fields_per_row()
    {
        _rows[0].Should().Equal("Phần", "Nhóm", "Năng lực/Lĩnh vực", "Chỉ số", "Giá trị", "Ghi chú");
        _rows.Should().OnlyContain(r => r.Count == 6);
    }

    [Fact]
    public void Numbers_use_a_dot_means_of_fewer_than_ten_are_whole_levels_and_hidden_cells_have_no_value_but_their_note()
    {
        // 3.097441 over 7 people: rounded to a whole level in the export as on the page.
        _rows.Should().Contain(r => r.SequenceEqual(new[] { "Bản đồ nhiệt", "Toàn tỉnh", "4.2", "Bậc trung bình", "3", "" }));
        _rows.Should().Contain(r => r.SequenceEqual(new[] { "Tự đánh giá và kiến thức", "Toàn tỉnh", "1", "Điểm tự đánh giá", "0.6", "" }));
        _rows.Should().Contain(r => r.SequenceEqual(new[] { "Bản đồ nhiệt", "leadership", "4.2", "Bậc trung bình", "", "ẩn (ít hơn 5 người)" }));
    }

    [Fact]
    public void A_priority_without_a_course_is_marked_as_a_content_gap()
    {
        _rows.Should().Contain(r => r.SequenceEqual(new[] { "Ưu tiên bồi dưỡng", "Toàn tỉnh", "1. 4.2", "Số người cần học", "4", "du-lieu-va-bao-mat (60 phút)" }));
        _rows.Should().Contain(r => r.SequenceEqual(new[] { "Ưu tiên bồi dưỡng", "Toàn tỉnh", "2. 1.2", "Số người cần học", "4", "Thiếu học liệu" }));
        _rows.Should().Contain(r => r.SequenceEqual(new[] { "Thiếu học liệu", "Toàn tỉnh", "1.2", "Chưa có khoá học phù hợp", "", "" }));
    }
}
