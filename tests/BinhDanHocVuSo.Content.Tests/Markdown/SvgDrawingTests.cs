using System.Text;
using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Content.Markdown.Images;
using BinhDanHocVuSo.Content.Tests.Courses;

namespace BinhDanHocVuSo.Content.Tests.Markdown;

/// <summary>A drawing beside a lesson is shown only when it is small, sized, described, and cannot run code or reach the network.</summary>
public class SvgDrawingTests
{
    private const string Good = """
        <svg xmlns="http://www.w3.org/2000/svg" width="320" height="200" viewBox="0 0 320 200">
          <rect x="10" y="10" width="300" height="180" rx="12" fill="#fff" stroke="#333"/>
          <text x="20" y="40">Tên người nhận: NGUYEN VAN A</text>
          <use href="#o"/>
        </svg>
        """;

    private static SvgDrawing.Result Check(string svg) => SvgDrawing.Check(Encoding.UTF8.GetBytes(svg), "hinh.svg");

    [Fact]
    public void A_simple_drawing_passes_and_its_size_comes_from_width_and_height()
    {
        var result = Check(Good);

        result.Problems.Should().BeEmpty();
        result.Size.Should().Be((320, 200));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "scripts are not allowed")]
    [InlineData("<rect onclick=\"alert(1)\" width=\"1\" height=\"1\"/>", "'onclick' runs a script")]
    [InlineData("<a href=\"https://example.com\"><text>x</text></a>", "refers to something outside the drawing")]
    [InlineData("<use xmlns:xlink=\"http://www.w3.org/1999/xlink\" xlink:href=\"other.svg#a\"/>", "refers to something outside the drawing")]
    [InlineData("<image href=\"#a\" width=\"10\" height=\"10\"/>", "<image> embeds a picture")]
    [InlineData("<foreignObject width=\"10\" height=\"10\"/>", "<foreignObject> embeds HTML")]
    [InlineData("<rect fill=\"url(https://example.com/x)\" width=\"1\" height=\"1\"/>", "refers to something outside the drawing")]
    [InlineData("<style>@import \"x.css\";</style>", "'@import' loads a style")]
    [InlineData("<set attributeName=\"href\" to=\"javascript:x\"/>", "animations (<set>) are not allowed")]
    public void Each_forbidden_part_is_reported_at_its_line_in_the_drawing(string part, string message)
    {
        var svg = $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\">\n\n{part}\n</svg>";

        var problem = Check(svg).Problems.Should().ContainSingle().Subject;

        problem.Line.Should().Be(3);
        problem.File.Should().Be("hinh.svg");
        problem.Message.Should().Contain(message);
        Check(svg).Size.Should().BeNull("a drawing with a problem is not shown");
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>", "needs a viewBox")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"/>", "needs width and height")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"50%\" height=\"10\" viewBox=\"0 0 10 10\"/>", "needs width and height")]
    [InlineData("<html/>", "not <svg>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\"><rect></svg>", "not valid SVG")]
    [InlineData("<!DOCTYPE svg [<!ENTITY x \"y\">]><svg/>", "<!DOCTYPE>")]
    public void A_drawing_without_a_size_or_not_well_formed_is_reported(string svg, string message)
    {
        Check(svg).Problems.Should().ContainSingle().Which.Message.Should().Contain(message);
    }

    [Fact]
    public void In_a_course_the_drawing_problem_names_the_drawing_and_its_line_and_a_too_large_drawing_names_the_lesson_line()
    {
        using var course = TempCourse.CopyOf(Path.Combine(RepositoryPaths.TestData, "BrokenCourses", "00-valid-course"));
        course.Write("ve.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\">\n<script/>\n</svg>");
        course.Write("to.svg", Good.Replace("</svg>", new string(' ', SvgDrawing.MaxBytes) + "</svg>"));
        course.Edit("01-nhan-biet.md", text => text.Replace("\n\n??? quiz", "\n\n![Màn hình mẫu](ve.svg)\n\n![Màn hình lớn](to.svg)\n\n??? quiz"));

        var catalog = course.Load(CompetenceModel.Load(RepositoryPaths.Competences));

        catalog.Courses.Should().BeEmpty();
        catalog.Errors.Select(e => e.ToString()).Should().Contain(e => e.StartsWith("courses/khoa/ve.svg:2: the drawing 've.svg': scripts are not allowed"))
            .And.Contain(e => e.StartsWith("courses/khoa/01-nhan-biet.md:") && e.Contains("'to.svg' is") && e.Contains("at most 8,192 bytes"));
    }

    [Fact]
    public void A_lesson_showing_a_good_drawing_loads_it_lazily_with_its_size()
    {
        using var course = TempCourse.CopyOf(Path.Combine(RepositoryPaths.TestData, "BrokenCourses", "00-valid-course"));
        course.Write("ve.svg", Good);
        course.Edit("01-nhan-biet.md", text => text.Replace("\n\n??? quiz", "\n\n![Màn hình mẫu](ve.svg)\n\n??? quiz"));

        var catalog = course.Load(CompetenceModel.Load(RepositoryPaths.Competences));

        catalog.Errors.Should().BeEmpty();
        catalog.Courses.Single().Lessons.Single(l => l.FilePath.EndsWith("01-nhan-biet.md")).Html.Should().Contain("src=\"/c/khoa-hop-le/media/ve.svg\"")
            .And.Contain("loading=\"lazy\"").And.Contain("width=\"320\"").And.Contain("height=\"200\"");
    }
}
