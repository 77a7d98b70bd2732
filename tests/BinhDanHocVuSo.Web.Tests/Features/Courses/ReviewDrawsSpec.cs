using System.Security.Cryptography;
using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Content.Quizzes;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Courses;

/// <summary>
/// Due reviews bring back the objectives a learner missed: the test course's quiz shows 1 of 4 questions, one objective
/// each, so a plain draw shows a given objective a quarter of the time; the lesson page's draw for a learner with that
/// objective due shows it every time.
/// </summary>
public sealed class ReviewDrawsSpec
{
    static readonly Course Course = CourseLoader.Load(Repository.Path("tests/BinhDanHocVuSo.Web.Tests/TestData/review-courses"),
        CompetenceModel.Load(Repository.Path("assessments/competences.yaml"))).Find("khoa-on-tap")!;

    static readonly Quiz Quiz = Course.Lessons[0].Quiz!;

    static readonly QuizDraws Draws = new(SHA256.HashData("khoá ôn tập của đặc tả"u8));

    static bool ShowsObjective(QuizDraw draw, string objective) => draw.Questions.Any(q => q.Question.Objective == objective);

    [Theory]
    [InlineData("otp")]
    [InlineData("link")]
    [InlineData("mat-khau")]
    [InlineData("ten-nguoi-nhan")]
    public void A_due_objective_is_in_every_draw_made_for_the_review(string objective)
    {
        var plain = Enumerable.Range(0, 400).Count(_ => ShowsObjective(Draws.For(Course.Slug, Quiz, Guid.NewGuid()), objective));
        plain.Should().BeInRange(40, 200, "a plain draw shows one objective in four");

        for (var i = 0; i < 100; i++)
        {
            var (drawId, draw) = Draws.Covering(Course.Slug, Quiz, [objective]);
            ShowsObjective(draw, objective).Should().BeTrue();
            Draws.For(Course.Slug, Quiz, drawId).Questions.Select(q => q.Question.Id)
                .Should().Equal(draw.Questions.Select(q => q.Question.Id), "the draw is the ordinary draw of its id: the answer is graded on it");
        }
    }

    [Fact]
    public void Without_objectives_due_the_draw_is_a_plain_fresh_one()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => Draws.Covering(Course.Slug, Quiz, []).Draw.Questions[0].Question.Objective).ToHashSet();

        ids.Should().HaveCount(4, "every objective still comes up when nothing is due");
    }
}
