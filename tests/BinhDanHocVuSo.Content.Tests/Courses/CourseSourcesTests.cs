using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Courses;

namespace BinhDanHocVuSo.Content.Tests.Courses;

/// <summary>Every course says where its changeable facts come from, and which catalogue section it belongs to.</summary>
public class CourseSourcesTests
{
    private const string Sources = """
        sources:
          - fact: Khoá học này chỉ dùng để kiểm tra trình đọc nội dung
            title: Dữ liệu kiểm thử của dự án
            publisher: Bình dân học vụ số
            date: 2025-01
        """;

    private static CourseCatalog LoadWith(Func<string, string> change)
    {
        using var course = TempCourse.CopyOf(Path.Combine(RepositoryPaths.TestData, "BrokenCourses", "00-valid-course"));
        course.Edit("course.md", change);
        return course.Load(CompetenceModel.Load(RepositoryPaths.Competences));
    }

    private static string ReplaceSources(string text, string sources) => text.Replace(Sources, sources);

    [Fact]
    public void A_course_lists_its_sources_and_is_as_current_as_the_oldest()
    {
        var catalog = LoadWith(text => ReplaceSources(text, Sources + """

              - fact: Một điều khác
                title: Văn bản thứ hai
                publisher: Cơ quan mẫu
                date: 2023-12-18
                url: https://example.gov.vn/van-ban
            """));

        var course = catalog.Courses.Should().ContainSingle().Subject;
        course.Sources.Should().HaveCount(2);
        course.OldestSourceDate.ToString().Should().Be("2023-12-18");
        course.OldestSourceDate.ToVietnamese().Should().Be("18/12/2023");
        course.Sources[0].Date.ToVietnamese().Should().Be("01/2025");
        course.Sources[1].Url.Should().Be("https://example.gov.vn/van-ban");
        course.For.Should().Be(CourseReaders.Citizens, "a course without 'for' is listed for citizens");
    }

    [Fact]
    public void A_course_for_officials_says_so()
    {
        LoadWith(text => text.Replace("order: 1", "order: 1\nfor: officials")).Courses.Single().For.Should().Be(CourseReaders.Officials);
    }

    [Theory]
    [InlineData("for: everyone\n", 11, "'for' must be one of citizens, officials")]
    [InlineData("", 12, "has no 'sources'")]
    [InlineData("sources: []\n", 11, "'sources' must be a list with at least one entry")]
    [InlineData("sources:\n  - fact: Một điều\n    title: Văn bản\n    publisher: Cơ quan\n", 12, "this source has no 'date'")]
    [InlineData("sources:\n  - fact: Một điều\n    title: Văn bản\n    date: 2024-01\n", 12, "this source has no 'publisher'")]
    [InlineData("sources:\n  - fact: Một điều\n    title: Văn bản\n    publisher: Cơ quan\n    date: 18/12/2023\n", 15, "date '18/12/2023' is not a date")]
    [InlineData("sources:\n  - fact: Một điều\n    title: Văn bản\n    publisher: Cơ quan\n    date: 2024-13\n", 15, "date '2024-13' is not a date")]
    [InlineData("sources:\n  - fact: Một điều\n    title: Văn bản\n    publisher: Cơ quan\n    date: 2024-01\n    url: www.example.vn\n", 16, "url 'www.example.vn' is not a web address")]
    [InlineData("sources:\n  - fact: \"\"\n    title: Văn bản\n    publisher: Cơ quan\n    date: 2024-01\n", 12, "the source's 'fact' is empty")]
    [InlineData("sources:\n  - fact: Một điều\n    tittle: Văn bản\n    publisher: Cơ quan\n    date: 2024-01\n", 13, "unknown key 'tittle'")]
    public void A_missing_or_wrong_source_is_reported_at_its_line_and_keeps_the_course_out(string replacement, int line, string message)
    {
        var catalog = LoadWith(text => ReplaceSources(text, replacement));

        catalog.Courses.Should().BeEmpty();
        catalog.Errors.Should().Contain(e => e.File == "courses/khoa/course.md" && e.Line == line && e.Message.Contains(message),
            string.Join("\n", catalog.Errors));
    }

    [Fact]
    public void The_shipped_courses_all_declare_sources()
    {
        var catalog = CourseLoader.Load(RepositoryPaths.Courses, CompetenceModel.Load(RepositoryPaths.Competences));

        catalog.Courses.Should().NotBeEmpty().And.OnlyContain(c => c.Sources.Count > 0 && c.Sources.All(s => s.Date.Start.Year >= 2000));
    }
}
