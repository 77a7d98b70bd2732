using System.Security.Cryptography;
using System.Text;
using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Content.Tests.Quizzes;

/// <summary>
/// What an attempt shows: drawn questions, shuffled, one per objective where possible, reproducible from its seed.
/// Seeds here are SHA-256 of a counter: deterministic, so no spec can pass or fail by luck from one run to the next.
/// </summary>
public class QuizDrawTests
{
    /// <summary>χ² critical value for 3 degrees of freedom (4 positions) at p = 0.01.</summary>
    private const double ChiSquareCritical3 = 11.345;

    private static byte[] Seed(int i) => SHA256.HashData(Encoding.UTF8.GetBytes($"seed-{i}"));

    /// <summary>Six questions on three objectives (otp ×3, link ×2, mat-khau ×1), each single with four options.</summary>
    private static readonly Quiz Bank = TestQuizzes.Parse("??? quiz draw=3\n" + string.Concat(
        new[] { ("otp-1", "otp"), ("otp-2", "otp"), ("otp-3", "otp"), ("link-1", "link"), ("link-2", "link"), ("mk-1", "mat-khau") }
            .Select(q => $"? single {q.Item1} objective={q.Item2}\nCâu {q.Item1}?\n- [ ] Sai một\n- [x] Đúng\n- [ ] Sai hai\n- [ ] Sai ba\n> Vì.\n\n")) + "???\n");

    [Fact]
    public void The_right_option_s_position_is_uniform_over_1000_draws()
    {
        var quiz = TestQuizzes.OneOfEachKind;
        var shown = new int[3];
        for (var i = 0; i < 1000; i++)
        {
            var single = QuizDraw.Make(quiz, Seed(i)).Questions.Single(q => q.Question.Id == "s");
            var position = single.Shown.ToList().IndexOf(1); // option "b" is the right one
            shown[position]++;
        }

        // Three options: 2 degrees of freedom, critical value 9.210 at p = 0.01.
        ChiSquare(shown).Should().BeLessThan(9.210, $"positions were shown {string.Join(", ", shown)} times");
    }

    [Fact]
    public void The_right_option_of_four_is_shown_in_each_place_alike_over_1000_draws()
    {
        var shown = new int[4];
        for (var i = 0; i < 1000; i++)
        {
            foreach (var question in QuizDraw.Make(Bank, Seed(i)).Questions.Take(1))
            {
                shown[question.Shown.ToList().IndexOf(1)]++;
            }
        }

        ChiSquare(shown).Should().BeLessThan(ChiSquareCritical3, $"positions were shown {string.Join(", ", shown)} times");
    }

    [Fact]
    public void The_same_seed_draws_the_same_questions_in_the_same_order()
    {
        var first = QuizDraw.Make(Bank, Seed(7));
        var again = QuizDraw.Make(Bank, Seed(7));

        Describe(again).Should().Equal(Describe(first));
    }

    [Fact]
    public void Two_seeds_show_different_orders()
    {
        var quiz = TestQuizzes.OneOfEachKind;

        Describe(QuizDraw.Make(quiz, Seed(1))).Should().NotEqual(Describe(QuizDraw.Make(quiz, Seed(2))));
        Enumerable.Range(0, 50).Select(i => string.Join(" ", Describe(QuizDraw.Make(quiz, Seed(i))))).Distinct().Count()
            .Should().BeGreaterThan(25, "orders vary from one attempt to the next");
    }

    [Fact]
    public void A_draw_shows_n_questions_one_per_objective_when_there_are_enough_objectives()
    {
        for (var i = 0; i < 200; i++)
        {
            var draw = QuizDraw.Make(Bank, Seed(i));

            draw.Questions.Should().HaveCount(3);
            draw.Questions.Select(q => q.Question.Objective).Should().OnlyHaveUniqueItems().And.BeEquivalentTo("otp", "link", "mat-khau");
        }
    }

    [Fact]
    public void A_draw_larger_than_the_objectives_covers_every_objective_before_repeating_one()
    {
        var quiz = Bank with { Draw = 5 };

        for (var i = 0; i < 200; i++)
        {
            var objectives = QuizDraw.Make(quiz, Seed(i)).Questions.Select(q => q.Question.Objective).ToList();

            objectives.Should().HaveCount(5).And.Contain(["otp", "link", "mat-khau"]);
            objectives.Count(o => o == "mat-khau").Should().Be(1);
        }
    }

    [Fact]
    public void A_retry_draws_again_and_every_question_of_the_bank_comes_up()
    {
        var sets = Enumerable.Range(0, 100).Select(i => string.Join(",", QuizDraw.Make(Bank, Seed(i)).QuestionIds.Order())).ToList();

        sets.Distinct().Count().Should().Be(6, "3 × 2 × 1 ways to take one question per objective, all of them drawn");
        sets.SelectMany(s => s.Split(',')).Distinct().Should().HaveCount(6);
    }

    [Fact]
    public void Without_draw_every_question_is_shown()
    {
        QuizDraw.Make(TestQuizzes.OneOfEachKind, Seed(3)).QuestionIds.Should().BeEquivalentTo("s", "m", "tf", "o");
    }

    [Fact]
    public void True_false_shows_dung_first_and_order_steps_are_never_in_the_right_order()
    {
        for (var i = 0; i < 200; i++)
        {
            var draw = QuizDraw.Make(TestQuizzes.OneOfEachKind, Seed(i));
            var trueFalse = draw.Questions.Single(q => q.Question.Kind == QuestionKind.TrueFalse);
            var order = draw.Questions.Single(q => q.Question.Kind == QuestionKind.Order);

            trueFalse.Question.Options[trueFalse.Shown[0]].TextHtml.Should().Be("Đúng");
            order.Shown.Should().NotEqual(Enumerable.Range(0, order.Question.Steps.Count), "the steps must not be shown in the answer's order");
            order.Shown.Should().BeEquivalentTo(Enumerable.Range(0, order.Question.Steps.Count));
        }
    }

    [Fact]
    public void The_grade_is_the_same_whatever_order_the_options_were_shown_in()
    {
        var quiz = TestQuizzes.OneOfEachKind;
        for (var i = 0; i < 100; i++)
        {
            // A learner who always ticks the option shown first: right exactly when that option is right.
            var draw = QuizDraw.Make(quiz, Seed(i));
            var firstShown = draw.Questions.Where(q => q.Question.Kind != QuestionKind.Order)
                .ToDictionary(q => q.Question.Id, q => (IReadOnlyList<string>)[q.Question.Options[q.Shown[0]].Id]);
            var expected = draw.Questions.Count(q => q.Question.Kind != QuestionKind.Order
                && q.Question.RightOptionIds.SequenceEqual([q.Question.Options[q.Shown[0]].Id]));

            var grade = QuizGrader.Grade(quiz, firstShown, draw.QuestionIds);

            grade.Correct.Should().Be(expected);
            grade.Questions.Select(q => q.QuestionId).Should().Equal("s", "m", "tf", "o");
            grade.Should().BeEquivalentTo(QuizGrader.Grade(quiz, firstShown), "graded by option ids, in authored order");
        }
    }

    [Fact]
    public void Only_the_drawn_questions_are_graded_and_an_answer_to_another_is_refused()
    {
        var draw = QuizDraw.Make(Bank, Seed(11));
        var shown = draw.Questions[0].Question;
        var other = Bank.Questions.First(q => !draw.Shows(q.Id));

        var grade = QuizGrader.Grade(Bank, new Dictionary<string, IReadOnlyList<string>> { [shown.Id] = ["b"] }, draw.QuestionIds);
        var outside = () => QuizGrader.Grade(Bank, new Dictionary<string, IReadOnlyList<string>> { [other.Id] = ["b"] }, draw.QuestionIds);

        grade.Total.Should().Be(3);
        grade.Correct.Should().Be(1);
        outside.Should().Throw<QuizAnswerException>().Which.Problem.Should().Be(QuizAnswerProblem.NotShown);
    }

    [Fact]
    public void The_questions_html_holds_the_drawn_questions_in_the_order_drawn()
    {
        var draw = QuizDraw.Make(Bank, Seed(5));

        var html = Encoding.UTF8.GetString(QuizHtml.QuestionsUtf8(draw));

        var ids = System.Text.RegularExpressions.Regex.Matches(html, "id=\"q-([^\"]+)\"").Select(m => m.Groups[1].Value);
        ids.Should().Equal(draw.Questions.Select(q => q.Question.Id));
        var values = System.Text.RegularExpressions.Regex.Matches(html, "name=\"q.([^\"]+)\" value=\"([^\"]+)\"").Select(m => m.Groups[1].Value + "/" + m.Groups[2].Value);
        values.Should().Equal(draw.Questions.SelectMany(q => q.Shown.Select(i => q.Question.Id + "/" + q.Aliases[i])));
        html.Should().NotContainAny("correct", "right", "đúng-");
    }

    [Fact]
    public void The_form_names_options_by_aliases_of_this_draw_which_map_back_to_the_option_ids()
    {
        var first = QuizDraw.Make(Bank, Seed(21));
        var question = first.Questions[0];
        var right = question.Question.Options.Single(o => o.IsCorrect);
        var aliasOfRight = question.Aliases[question.Question.Options.ToList().IndexOf(right)];

        question.Aliases.Should().OnlyHaveUniqueItems().And.OnlyContain(a => System.Text.RegularExpressions.Regex.IsMatch(a, "^[0-9a-f]{6}$"),
            "\"a\", \"b\"… would tell where the author wrote each option");
        first.ToOptionIds(new Dictionary<string, IReadOnlyList<string>> { [question.Question.Id] = [aliasOfRight] })[question.Question.Id].Should().Equal(right.Id);
        first.ToOptionIds(new Dictionary<string, IReadOnlyList<string>> { [question.Question.Id] = [right.Id] })[question.Question.Id]
            .Should().Equal(new[] { right.Id }, "an option id sent as it is stays itself");
        Enumerable.Range(0, 60).Select(i => QuizDraw.Make(Bank, Seed(i)).Questions.FirstOrDefault(q => q.Question.Id == question.Question.Id)?.Aliases[0])
            .OfType<string>().Distinct().Count().Should().BeGreaterThan(10, "aliases change with each draw");
    }

    [Fact]
    public void The_authored_form_is_the_questions_in_authored_order_between_the_fields_and_the_button()
    {
        var quiz = TestQuizzes.OneOfEachKind;
        var form = QuizHtml.Render(quiz);

        var replaced = QuizHtml.ReplaceQuestions(form, "<!--questions-->");

        replaced.Should().Be($"<form class=\"quiz\" method=\"post\" data-quiz=\"bai-hoc\">\n{QuizHtml.FormFieldsPlaceholder}\n<!--questions--><button type=\"submit\">Nộp bài</button>\n</form>\n");
        QuizHtml.ReplaceQuestions(replaced, Encoding.UTF8.GetString(QuizHtml.QuestionsUtf8(QuizDraw.AsAuthored(quiz)))).Should().Be(form);
    }

    private static double ChiSquare(int[] observed)
    {
        var expected = observed.Sum() / (double)observed.Length;
        return observed.Sum(o => (o - expected) * (o - expected) / expected);
    }

    private static List<string> Describe(QuizDraw draw) =>
        [.. draw.Questions.Select(q => q.Question.Id + ":" + string.Join("", q.Shown))];
}
