using BinhDanHocVuSo.Content.Assessments.Export;
using BinhDanHocVuSo.Content.Tests.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Export;

/// <summary>
/// The Moodle competency-framework export. Column order and headers are Moodle's own (admin/tool/lpimportcsv,
/// framework_importer::list_required_headers and lang/en/tool_lpimportcsv.php).
/// </summary>
public class MoodleFrameworkCsvTests
{
    private static readonly List<List<string>> _rows = CsvParser.Parse(MoodleFrameworkCsv.Write(
        new MoodleFramework("bdhvs-nang-luc-so", "Năng lực số cán bộ xã", "Khung năng lực số, Thông tư 02/2025/TT-BGDĐT."),
        AssessmentPaths.Competences(),
        WorkedExample.Survey));

    [Fact]
    public void The_file_has_Moodles_fourteen_columns_in_the_importers_order()
    {
        _rows[0].Should().Equal(
            "Parent ID number", "ID number", "Short name", "Description", "Description format", "Scale values",
            "Scale configuration", "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
            "Cross-referenced competency ID numbers", "Exported ID (optional)", "Is framework", "Taxonomy");
        _rows.Should().OnlyContain(row => row.Count == 14);
    }

    [Fact]
    public void The_framework_row_carries_the_survey_bands_as_its_scale()
    {
        var framework = _rows[1];

        framework[1].Should().Be("bdhvs-nang-luc-so");
        framework[2].Should().Be("Năng lực số cán bộ xã");
        framework[5].Should().Be("Chưa đạt,Cơ bản,Trung cấp,Nâng cao");
        framework[6].Should().Be("[{\"scaleid\":\"0\"},{\"id\":1,\"scaledefault\":1,\"proficient\":0},{\"id\":2,\"scaledefault\":0,\"proficient\":1},"
            + "{\"id\":3,\"scaledefault\":0,\"proficient\":1},{\"id\":4,\"scaledefault\":0,\"proficient\":1}]");
        framework[12].Should().Be("1");
        framework[13].Should().Be("domain,competency");
    }

    [Fact]
    public void Every_domain_and_competence_of_the_model_is_a_row_and_competences_hang_under_their_domain()
    {
        var model = AssessmentPaths.Competences();
        var competences = _rows.Skip(2).ToList();

        competences.Select(r => r[1]).Should().Equal(model.Domains.SelectMany(d => d.Competences.Select(c => c.Id).Prepend(d.Id)));
        var row42 = competences.Single(r => r[1] == "4.2");
        row42[0].Should().Be("4");
        row42[2].Should().Be("4.2 Bảo vệ dữ liệu cá nhân và quyền riêng tư");
        row42[12].Should().BeEmpty("only the framework row is the framework");
        competences.Single(r => r[1] == "0")[3].Should().Be("<p>Sử dụng thiết bị và phần mềm trên thiết bị (Device &amp; software use)</p>");
    }
}
