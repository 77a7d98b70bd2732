using BinhDanHocVuSo.Content.Quizzes;
using static BinhDanHocVuSo.Content.Tests.Quizzes.TestQuizzes;

namespace BinhDanHocVuSo.Content.Tests.Quizzes;

public class QuizGraderTests
{
    private static readonly Quiz _quiz = OneOfEachKind;

    private static string[] RightOrder => [.. _quiz.FindQuestion("o")!.RightStepOrder];

    [Fact]
    public void All_right_answers_score_one_hundred_percent()
    {
        var grade = QuizGrader.Grade(_quiz, Answers(("s", ["b"]), ("m", ["b", "a"]), ("tf", ["b"]), ("o", RightOrder)));

        grade.Should().BeEquivalentTo(new { Correct = 4, Total = 4, ScorePercent = 100 });
        grade.Questions.Should().OnlyContain(q => q.IsCorrect);
    }

    [Fact]
    public void A_wrong_single_answer_is_wrong_and_shows_the_right_option_and_the_feedback_of_the_chosen_one()
    {
        var grade = QuizGrader.Grade(_quiz, Answers(("s", ["a"])));

        var question = grade.Questions.Single(q => q.QuestionId == "s");
        question.IsCorrect.Should().BeFalse();
        question.Chosen.Should().Equal("a");
        question.Right.Should().Equal("b");
        question.Feedback.Should().Equal(new OptionFeedback("a", "Ai có mã OTP là có thể giao dịch thay bạn."));
        question.ExplanationHtml.Should().Be("Ngân hàng không xin mã OTP.");
    }

    [Fact]
    public void A_multiple_question_is_right_only_when_exactly_the_right_options_are_chosen()
    {
        QuizGrader.Grade(_quiz, Answers(("m", ["a"]))).Questions[1].IsCorrect.Should().BeFalse("one right option is missing");
        QuizGrader.Grade(_quiz, Answers(("m", ["a", "b", "c"]))).Questions[1].IsCorrect.Should().BeFalse("a wrong option is chosen too");
        QuizGrader.Grade(_quiz, Answers(("m", ["a", "b"]))).Questions[1].IsCorrect.Should().BeTrue();
    }

    [Fact]
    public void A_true_false_question_is_graded_like_a_single_choice()
    {
        QuizGrader.Grade(_quiz, Answers(("tf", ["a"]))).Questions[2].IsCorrect.Should().BeFalse();
        QuizGrader.Grade(_quiz, Answers(("tf", ["b"]))).Questions[2].IsCorrect.Should().BeTrue();
    }

    [Fact]
    public void An_order_question_is_right_only_in_the_authored_order_and_the_result_shows_that_order()
    {
        var swapped = new[] { RightOrder[1], RightOrder[0], RightOrder[2] };

        var grade = QuizGrader.Grade(_quiz, Answers(("o", swapped)));

        grade.Questions[3].IsCorrect.Should().BeFalse();
        grade.Questions[3].Chosen.Should().Equal(swapped);
        grade.Questions[3].Right.Should().Equal(RightOrder);
        _quiz.FindQuestion("o")!.Steps.Select(s => s.TextHtml).Should().Equal("Dừng lại.", "Gọi tổng đài.", "Báo người thân.");
    }

    [Fact]
    public void Unanswered_questions_count_as_wrong()
    {
        var grade = QuizGrader.Grade(_quiz, Answers(("s", ["b"])));

        grade.Should().BeEquivalentTo(new { Correct = 1, Total = 4, ScorePercent = 25 });
        grade.Questions.Skip(1).Should().OnlyContain(q => !q.IsCorrect && q.Chosen.Count == 0);
    }

    [Fact]
    public void The_score_is_rounded_half_away_from_zero()
    {
        var eight = Parse("??? quiz\n" + string.Concat(Enumerable.Range(1, 8).Select(i => $"? single q{i}\nCâu {i}?\n- [x] Có\n- [ ] Không\n> Vì thế.\n")) + "???\n");

        var grade = QuizGrader.Grade(eight, Answers(("q1", ["a"])));

        grade.ScorePercent.Should().Be(13, "1 of 8 is 12.5%");
    }

    /// <summary>Answer sheets a form could not produce: the question, the values chosen for it, and the problem named.</summary>
    public static TheoryData<string, string[], QuizAnswerProblem> MalformedAnswers => new()
    {
        { "khong-co", ["a"], QuizAnswerProblem.UnknownQuestion },
        { "s", ["z"], QuizAnswerProblem.UnknownValue },
        { "s", ["a", "b"], QuizAnswerProblem.TooManyValues },
        { "tf", ["a", "b"], QuizAnswerProblem.TooManyValues },
        { "m", ["a", "a"], QuizAnswerProblem.TooManyValues },
        { "o", RightOrder[..2], QuizAnswerProblem.IncompleteOrder },
        { "o", [RightOrder[0], RightOrder[0], RightOrder[1]], QuizAnswerProblem.DuplicateStep },
        { "o", ["zzzzzz", "a", "b"], QuizAnswerProblem.UnknownValue },
    };

    [Theory]
    [MemberData(nameof(MalformedAnswers))]
    public void A_malformed_answer_is_refused_naming_the_question_and_nothing_is_graded(string questionId, string[] chosen, QuizAnswerProblem problem)
    {
        var answers = new Dictionary<string, IReadOnlyList<string>> { ["tf"] = ["b"], [questionId] = chosen };

        var grading = () => QuizGrader.Grade(_quiz, answers);

        grading.Should().Throw<QuizAnswerException>()
            .Where(e => e.QuestionId == questionId && e.Problem == problem && e.Message.Contains(questionId));
    }
}
