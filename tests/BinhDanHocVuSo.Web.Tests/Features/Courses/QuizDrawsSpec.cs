using System.Security.Cryptography;
using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Content.Quizzes;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Courses;

/// <summary>
/// Draws as the server makes them: HMAC-SHA256 under the server's key of (course, quiz, draw id). The quiz is the test
/// course's "bai-rut": 2 of 4 questions, one per objective; "otp-1" has four options, the second one right.
/// </summary>
public sealed class QuizDrawsSpec
{
    static readonly Course Course = CourseLoader.Load(Repository.Path("tests/BinhDanHocVuSo.Web.Tests/TestData/drawn-courses"),
        CompetenceModel.Load(Repository.Path("assessments/competences.yaml"))).Find("khoa-rut")!;

    static readonly Quiz Quiz = Course.Lessons[0].Quiz!;

    static readonly QuizDraws Draws = new(SHA256.HashData("khoá rút của đặc tả"u8));

    /// <summary>χ² critical value for 3 degrees of freedom (four positions) at p = 0.01.</summary>
    const double ChiSquareCritical = 11.345;

    /// <summary>Draw ids as the pages make them, but counted, so that the spec is the same on every run.</summary>
    static Guid DrawId(int i) => new(MD5.HashData(BitConverter.GetBytes(i)));

    [Fact]
    public void The_right_option_s_position_is_uniform_over_1000_draws_chi_square_p_above_0_01()
    {
        var shown = new int[4];
        var drawn = 0;
        for (var i = 0; drawn < 1000; i++)
        {
            if (Draws.For(Course.Slug, Quiz, DrawId(i)).Questions.FirstOrDefault(q => q.Question.Id == "otp-1") is { } otp)
            {
                var right = otp.Question.Options.ToList().FindIndex(o => o.IsCorrect);
                shown[otp.Shown.ToList().IndexOf(right)]++;
                drawn++;
            }
        }

        var expected = drawn / 4.0;
        var chiSquare = shown.Sum(o => (o - expected) * (o - expected) / expected);
        chiSquare.Should().BeLessThan(ChiSquareCritical, $"the right option was shown in places 1–4 {string.Join(", ", shown)} times");
    }

    [Fact]
    public void Two_learners_see_different_orders_and_the_same_attempt_sees_the_same_order_again()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        Describe(Draws.For(Course.Slug, Quiz, first)).Should().Equal(Describe(Draws.For(Course.Slug, Quiz, first)));
        Enumerable.Range(0, 20).Select(i => Describe(Draws.For(Course.Slug, Quiz, DrawId(i)))).Select(d => string.Join(" ", d)).Distinct()
            .Count().Should().BeGreaterThan(10, "each learner's page has its own draw id, so its own draw");
        Describe(Draws.For(Course.Slug, Quiz, DrawId(1))).Should().NotEqual(Describe(Draws.For(Course.Slug, Quiz, DrawId(2))));
        first.Should().NotBe(second);
    }

    [Fact]
    public void Without_the_key_the_draw_cannot_be_made_a_server_with_another_key_draws_otherwise()
    {
        var other = new QuizDraws(SHA256.HashData("một khoá khác"u8));

        Enumerable.Range(0, 20).Count(i => Describe(other.For(Course.Slug, Quiz, DrawId(i))).SequenceEqual(Describe(Draws.For(Course.Slug, Quiz, DrawId(i)))))
            .Should().BeLessThan(5, "the draw depends on the key, not only on the public ids");
    }

    [Fact]
    public void Each_draw_shows_one_question_per_objective()
    {
        for (var i = 0; i < 100; i++)
        {
            Draws.For(Course.Slug, Quiz, DrawId(i)).Questions.Select(q => q.Question.Objective).Should().BeEquivalentTo("otp", "link");
        }
    }

    static List<string> Describe(QuizDraw draw) => [.. draw.Questions.Select(q => q.Question.Id + ":" + string.Join("", q.Shown))];
}
