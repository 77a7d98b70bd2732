using BinhDanHocVuSo.Content.Quizzes;
using static BinhDanHocVuSo.Content.Tests.Quizzes.TestQuizzes;

namespace BinhDanHocVuSo.Content.Tests.Quizzes;

public class QuizAnswersTests
{
    private static readonly Quiz _quiz = OneOfEachKind;

    private static IReadOnlyList<OrderStep> Steps => _quiz.FindQuestion("o")!.Steps;

    private static List<KeyValuePair<string, string>> Form(params (string Name, string Value)[] fields) =>
        [.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))];

    [Fact]
    public void Form_fields_become_answers_that_grade_as_the_learner_chose()
    {
        var fields = Form(
            ("__RequestVerificationToken", "token"),
            ("attempt", "123"),
            ("q.s", "b"),
            ("q.m", "a"),
            ("q.m", "b"),
            ("q.tf", "a"),
            ($"o.o.{Steps[0].Id}", "1"),
            ($"o.o.{Steps[1].Id}", "2"),
            ($"o.o.{Steps[2].Id}", "3"));

        var answers = QuizAnswers.FromForm(_quiz, fields);

        answers.Keys.Should().BeEquivalentTo("s", "m", "tf", "o");
        answers["o"].Should().Equal(Steps[0].Id, Steps[1].Id, Steps[2].Id);
        QuizGrader.Grade(_quiz, answers).Correct.Should().Be(3, "only the true/false answer is wrong");
    }

    [Fact]
    public void Every_field_name_in_the_rendered_form_is_understood()
    {
        var html = QuizHtml.Render(_quiz);
        var position = 0;
        var names = System.Text.RegularExpressions.Regex.Matches(html, "name=\"([^\"]+)\"(?: value=\"([^\"]+)\")?")
            .Select(m => m.Groups[2].Success ? (m.Groups[1].Value, m.Groups[2].Value) : (m.Groups[1].Value, (++position).ToString()))
            .DistinctBy(f => f.Item1)
            .ToArray();

        var answers = QuizAnswers.FromForm(_quiz, Form(names));

        answers.Keys.Should().BeEquivalentTo("s", "m", "tf", "o");
    }

    [Fact]
    public void An_order_question_left_completely_blank_is_unanswered_not_malformed()
    {
        var answers = QuizAnswers.FromForm(_quiz, Form([.. Steps.Select(s => ($"o.o.{s.Id}", ""))]));

        answers.Should().NotContainKey("o");
    }

    [Theory]
    [InlineData("q.khong-co", "a", QuizAnswerProblem.UnknownQuestion)]
    [InlineData("q.s", "z", QuizAnswerProblem.UnknownValue)]
    [InlineData("q.o", "a", QuizAnswerProblem.UnknownValue)]
    [InlineData("o.s.abcdef", "1", QuizAnswerProblem.UnknownValue)]
    [InlineData("o.o.abcdef", "1", QuizAnswerProblem.UnknownValue)]
    [InlineData("o.o.{0}", "4", QuizAnswerProblem.InvalidPosition)]
    [InlineData("o.o.{0}", "mot", QuizAnswerProblem.InvalidPosition)]
    public void A_malformed_field_is_refused_naming_the_question(string name, string value, QuizAnswerProblem problem)
    {
        var reading = () => QuizGrader.Grade(_quiz, QuizAnswers.FromForm(_quiz, Form((string.Format(name, Steps[0].Id), value))));

        reading.Should().Throw<QuizAnswerException>().Where(e => e.Problem == problem);
    }

    [Fact]
    public void Two_single_choice_values_are_refused()
    {
        var reading = () => QuizGrader.Grade(_quiz, QuizAnswers.FromForm(_quiz, Form(("q.s", "a"), ("q.s", "b"))));

        reading.Should().Throw<QuizAnswerException>().Where(e => e.QuestionId == "s" && e.Problem == QuizAnswerProblem.TooManyValues);
    }

    [Fact]
    public void An_order_with_a_step_left_out_or_a_position_given_twice_is_refused()
    {
        var incomplete = () => QuizAnswers.FromForm(_quiz, Form(($"o.o.{Steps[0].Id}", "1"), ($"o.o.{Steps[1].Id}", "2"), ($"o.o.{Steps[2].Id}", "")));
        var twice = () => QuizAnswers.FromForm(_quiz, Form(($"o.o.{Steps[0].Id}", "1"), ($"o.o.{Steps[1].Id}", "1"), ($"o.o.{Steps[2].Id}", "3")));

        incomplete.Should().Throw<QuizAnswerException>().Where(e => e.QuestionId == "o" && e.Problem == QuizAnswerProblem.IncompleteOrder);
        twice.Should().Throw<QuizAnswerException>().Where(e => e.QuestionId == "o" && e.Problem == QuizAnswerProblem.DuplicateStep);
    }
}
