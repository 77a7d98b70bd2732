using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Courses;

namespace BinhDanHocVuSo.Content.Tests.Courses;

public class CourseLoaderTests
{
    private static readonly CompetenceModel _competences = CompetenceModel.Load(RepositoryPaths.Competences);

    private static Course ValidCourse =>
        CourseLoader.Load(Path.Combine(RepositoryPaths.TestData, "BrokenCourses"), _competences).Find("khoa-hop-le")!;

    [Fact]
    public void A_course_carries_its_front_matter_with_the_default_pass_mark()
    {
        ValidCourse.Should().BeEquivalentTo(new
        {
            Slug = "khoa-hop-le",
            Title = "Khoá học hợp lệ",
            Audience = "Người dân mới dùng điện thoại thông minh",
            EntryLevel = 0,
            ExitLevel = 2,
            Minutes = 10,
            Order = 1,
            PassMark = 80,
        });
        ValidCourse.Competences.Should().Equal("4.1", "4.2", "2.6");
    }

    [Fact]
    public void Lessons_are_sorted_by_their_order_not_by_file_name()
    {
        ValidCourse.Lessons.Select(l => l.Slug).Should().Equal("khong-chia-se-otp", "nhan-biet-lua-dao");
    }

    [Fact]
    public void A_lesson_is_found_by_its_slug_or_by_an_old_slug_that_should_redirect()
    {
        ValidCourse.FindLesson("khong-chia-se-otp").Should().BeEquivalentTo(new { IsAlias = false, Lesson = new { Slug = "khong-chia-se-otp" } });
        ValidCourse.FindLesson("ma-otp").Should().BeEquivalentTo(new { IsAlias = true, Lesson = new { Slug = "khong-chia-se-otp" } });
        ValidCourse.FindLesson("khong-co").Should().BeNull();
    }

    [Fact]
    public void Lesson_quizzes_are_named_after_the_lesson_and_the_course_quiz_is_the_final_quiz()
    {
        ValidCourse.Lessons.Select(l => l.Quiz!.Id).Should().Equal("khong-chia-se-otp", "nhan-biet-lua-dao");
        ValidCourse.FinalQuiz!.Id.Should().Be("final");
        ValidCourse.IntroHtml.Should().Be("<p>Giới thiệu ngắn về khoá học.</p>\n", "the final quiz is shown after the lessons, not in the introduction");
        ValidCourse.FinalQuizHtml.Should().StartWith("<form class=\"quiz\" method=\"post\" data-quiz=\"final\">");
    }

    [Fact]
    public void Lesson_images_point_to_the_course_media_url_with_their_size()
    {
        ValidCourse.FindLesson("nhan-biet-lua-dao")!.Lesson.Html
            .Should().Contain("<img src=\"/c/khoa-hop-le/media/hinh-otp.png\" loading=\"lazy\" decoding=\"async\" width=\"4\" height=\"3\" alt=\"Màn hình nhập mã OTP\" />");
    }

    [Fact]
    public void Versions_change_with_the_file_and_the_quiz_version_only_with_the_quiz()
    {
        using var folder = TempCourse.CopyOf(Path.Combine(RepositoryPaths.TestData, "BrokenCourses", "00-valid-course"));
        var before = folder.Load(_competences).Find("khoa-hop-le")!.FindLesson("khong-chia-se-otp")!.Lesson;

        folder.Edit("02-otp.md", text => text.Replace("Nội dung bài học", "Nội dung đã sửa của bài học"));
        var afterText = folder.Load(_competences).Find("khoa-hop-le")!.FindLesson("khong-chia-se-otp")!.Lesson;
        folder.Edit("02-otp.md", text => text.Replace("Cúp máy.", "Cúp máy ngay."));
        var afterQuiz = folder.Load(_competences).Find("khoa-hop-le")!.FindLesson("khong-chia-se-otp")!.Lesson;

        afterText.Version.Should().NotBe(before.Version);
        afterText.Quiz!.Version.Should().Be(before.Quiz!.Version);
        afterQuiz.Quiz!.Version.Should().NotBe(before.Quiz.Version);
        before.Version.Should().MatchRegex("^[0-9a-f]{12}$");
    }

    [Fact]
    public void A_missing_courses_folder_is_reported_not_thrown()
    {
        var catalog = CourseLoader.Load(Path.Combine(RepositoryPaths.TestData, "khong-co-thu-muc-nay"), _competences);

        catalog.Courses.Should().BeEmpty();
        catalog.Errors.Should().ContainSingle().Which.Message.Should().Contain("does not exist");
    }
}
