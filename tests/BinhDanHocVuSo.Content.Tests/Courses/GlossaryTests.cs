using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Courses;

namespace BinhDanHocVuSo.Content.Tests.Courses;

/// <summary>The glossary of hard words is checked with the courses: each mistake at its line.</summary>
public class GlossaryTests
{
    private static CourseCatalog LoadGlossary(string yaml)
    {
        var root = Path.Combine(Path.GetTempPath(), "bdhvs-" + Guid.NewGuid().ToString("N"));
        var courses = Path.Combine(root, "courses");
        Directory.CreateDirectory(courses);
        try
        {
            File.WriteAllText(Path.Combine(courses, Glossary.FileName), yaml);
            return CourseLoader.Load(courses, CompetenceModel.Load(RepositoryPaths.Competences));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Terms_are_sorted_the_vietnamese_way_with_readable_anchors()
    {
        var catalog = LoadGlossary("- term: Đường link\n  meaning: Dòng chữ bấm vào được.\n- term: Mã QR\n  meaning: Ô vuông chấm đen trắng.\n  see_also: [Đường link]\n- term: Chữ ký số\n  meaning: Chữ ký trên văn bản điện tử.\n");

        catalog.Errors.Should().BeEmpty();
        catalog.Glossary.Terms.Select(t => t.Term).Should().Equal("Chữ ký số", "Đường link", "Mã QR");
        catalog.Glossary.Terms.Select(t => t.Anchor).Should().Equal("chu-ky-so", "duong-link", "ma-qr");
        catalog.Glossary.Terms[2].SeeAlso.Should().Equal("Đường link");
    }

    [Theory]
    [InlineData("- term: OTP\n  meaning: Mã dùng một lần.\n- term: otp\n  meaning: Lặp lại.\n", 3, "the term 'otp' is already explained at line 1")]
    [InlineData("- term: OTP\n  meaning: \"\"\n", 2, "the meaning is empty")]
    [InlineData("- term: OTP\n", 1, "the term 'OTP' has no 'meaning'")]
    [InlineData("- term: OTP\n  meaning: Mã dùng một lần.\n  nghia: x\n", 3, "unknown key 'nghia'")]
    [InlineData("- term: OTP\n  meaning: Mã dùng một lần.\n  see_also: [Mật khẩu]\n", 3, "'see_also' names 'Mật khẩu', which is not a term")]
    public void A_mistake_in_the_glossary_is_reported_at_its_line(string yaml, int line, string message)
    {
        var catalog = LoadGlossary(yaml);

        catalog.Errors.Should().ContainSingle().Which.Should().Match<ContentError>(e => e.File == "courses/glossary.yaml" && e.Line == line && e.Message.Contains(message));
        catalog.Glossary.Terms.Should().BeEmpty();
    }

    [Fact]
    public void The_shipped_glossary_loads_and_explains_the_words_the_courses_lean_on()
    {
        var catalog = CourseLoader.Load(RepositoryPaths.Courses, CompetenceModel.Load(RepositoryPaths.Competences));

        catalog.Errors.Should().NotContain(e => e.File.EndsWith(Glossary.FileName));
        catalog.Glossary.Terms.Select(t => t.Term).Should().Contain(["OTP", "VNeID", "Mã QR", "Thẻ căn cước", "Số định danh cá nhân", "Deepfake"]);
    }
}
