using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Courses;

namespace BinhDanHocVuSo.Content.Tests.Courses;

/// <summary>Every file in the repository's courses/ folder is parsed and validated, so broken content fails the build.</summary>
public class RealCoursesTests
{
    [Fact]
    public void Every_course_in_the_repository_loads_without_errors()
    {
        var catalog = CourseLoader.Load(RepositoryPaths.Courses, CompetenceModel.Load(RepositoryPaths.Competences));

        catalog.Errors.Select(e => e.ToString()).Should().BeEmpty();
        catalog.Courses.Should().NotBeEmpty();
        catalog.Courses.Should().OnlyContain(course => course.Lessons.Count > 0);
    }
}
