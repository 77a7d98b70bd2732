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

    [Fact]
    public void The_safety_course_passes_every_quiz_rule_and_its_final_quiz_draws_ten_new_scenarios_one_per_objective()
    {
        var catalog = CourseLoader.Load(RepositoryPaths.Courses, CompetenceModel.Load(RepositoryPaths.Competences));

        catalog.Errors.Where(e => e.File.StartsWith("courses/an-toan-tren-khong-gian-mang/", StringComparison.Ordinal))
            .Select(e => e.ToString()).Should().BeEmpty();
        var final = catalog.Find("an-toan-tren-mang")!.FinalQuiz!;
        final.Draw.Should().Be(10, "the introduction promises 10 questions, 8 of them right for the 80 % pass mark");
        final.Questions.Should().HaveCountGreaterThan(10, "a bank lets a second attempt show other scenarios");
        final.Questions.Select(q => q.Objective).Distinct().Should().HaveCount(10, "each attempt shows one question per objective");
    }
}
