using BinhDanHocVuSo.Content.Assessments.Export;
using BinhDanHocVuSo.Content.Assessments.Reports;
using BinhDanHocVuSo.Content.Tests.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Export;

public class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x.example\",\"Bấm\")")]
    [InlineData("+84912345678")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\tcmd")]
    [InlineData("\r=1")]
    public void A_cell_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text(string value)
    {
        var read = CsvParser.Parse(Csv.Write([[value, "Nguyễn Văn A"]]));

        read[0].Should().Equal("'" + value, "Nguyễn Văn A");
    }

    [Theory]
    [InlineData("Nguyễn Văn A")]
    [InlineData("-1.5")]
    [InlineData("3.097441")]
    [InlineData("")]
    [InlineData("a=b, c")]
    public void Ordinary_text_and_numbers_are_written_as_they_are(string value)
    {
        CsvParser.Parse(Csv.Write([[value]]))[0].Should().Equal(value);
    }

    [Fact]
    public void The_survey_report_csv_writes_a_group_named_like_a_formula_as_text()
    {
        var group = new ReportGroup(GroupKey.All, WorkedExample.Scores);
        var report = SurveyReportBuilder.Build(WorkedExample.Survey, new ReportRequest(group, 10, WorkedExample.Courses, ReportGroups.By(group.Members, GroupBy.Position), []));

        var rows = CsvParser.Parse(ReportCsv.Write(report, _ => "=1+1"));

        rows.Skip(1).Where(r => r.Count == 6).Select(r => r[1]).Should().OnlyContain(g => g == "'=1+1");
    }
}
