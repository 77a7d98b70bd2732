using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Courses;

namespace BinhDanHocVuSo.Content.Tests.Courses;

/// <summary>
/// TestData/BrokenCourses holds one valid course and one folder per kind of mistake an author can make.
/// Each mistake must be reported once, at the right file and line, without stopping the other courses.
/// </summary>
public class BrokenCoursesTests
{
    private static readonly CourseCatalog _catalog =
        CourseLoader.Load(Path.Combine(RepositoryPaths.TestData, "BrokenCourses"), CompetenceModel.Load(RepositoryPaths.Competences));

    [Theory]
    [InlineData("missing-front-matter-field", "course.md", 15, "has no 'audience'")]
    [InlineData("invalid-yaml", "01-bai-hoc.md", 3, "not valid YAML")]
    [InlineData("duplicate-course-slug", "course.md", 2, "course slug 'khoa-hop-le' is already used by BrokenCourses/00-valid-course/course.md")]
    [InlineData("duplicate-lesson-slug", "02-bai-hai.md", 2, "slug 'bai-hoc' is already used by BrokenCourses/duplicate-lesson-slug/01-bai-mot.md")]
    [InlineData("duplicate-lesson-alias", "02-bai-hai.md", 6, "alias 'bai-mot' is already used")]
    [InlineData("quiz-without-right-answer", "01-bai-hoc.md", 11, "question 'otp-1' has no right answer: mark one option with \"- [x]\"")]
    [InlineData("two-quizzes-in-a-lesson", "01-bai-hoc.md", 22, "only one quiz")]
    [InlineData("bad-truefalse-options", "01-bai-hoc.md", 11, "\"- [ ] Đúng\" and \"- [ ] Sai\"")]
    [InlineData("broken-image-link", "01-bai-hoc.md", 10, "'hinh-khong-co.png' does not exist")]
    [InlineData("image-without-alt-text", "01-bai-hoc.md", 10, "has no description (alt text)")]
    [InlineData("unknown-competence", "course.md", 6, "unknown competence id '9.9'")]
    [InlineData("raw-html", "01-bai-hoc.md", 10, "raw HTML '<div style=\"color:red\">")]
    [InlineData("non-nfc-text", "01-bai-hoc.md", 10, "save the file as Unicode NFC")]
    [InlineData("folder-without-course-md", "", 0, "has no course.md")]
    public void Each_kind_of_mistake_is_reported_once_with_its_file_and_line(string folder, string file, int line, string message)
    {
        var errors = _catalog.Errors.Where(e => e.File.StartsWith($"BrokenCourses/{folder}/", StringComparison.Ordinal)).ToList();

        errors.Should().ContainSingle();
        errors[0].File.Should().Be($"BrokenCourses/{folder}/{file}");
        errors[0].Line.Should().Be(line);
        errors[0].Message.Should().Contain(message);
        errors[0].ToString().Should().StartWith(line > 0 ? $"BrokenCourses/{folder}/{file}:{line}: " : $"BrokenCourses/{folder}/: ");
    }

    [Fact]
    public void The_valid_course_beside_the_broken_ones_still_loads_and_the_broken_ones_are_left_out()
    {
        _catalog.Courses.Select(c => c.Slug).Should().Equal("khoa-hop-le");
        _catalog.Find("khoa-hop-le")!.DirectoryPath.Should().EndWith("00-valid-course");
    }

    [Fact]
    public void Every_folder_of_the_broken_courses_is_accounted_for()
    {
        var folders = Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.TestData, "BrokenCourses")).Select(Path.GetFileName).ToList();
        var reported = _catalog.Errors.Select(e => e.File.Split('/')[1]).Distinct();

        reported.Should().BeEquivalentTo(folders.Where(f => f != "00-valid-course"), "each broken folder shows one mistake and the README at the root is not a course");
    }
}
