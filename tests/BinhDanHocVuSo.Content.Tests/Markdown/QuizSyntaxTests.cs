using BinhDanHocVuSo.Content.Markdown;
using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Content.Tests.Markdown;

public class QuizSyntaxTests
{
    private static RenderedMarkdown Render(string markdown, string quizId = "bai-hoc") =>
        LessonPipeline.Render(markdown, new MarkdownRenderContext("khoa-hoc", null, quizId));

    [Fact]
    public void Feedback_belongs_to_the_option_above_and_explanation_lines_make_one_paragraph()
    {
        var quiz = Render("""
            ??? quiz
            ? single q1
            Câu **hỏi**?
            - [ ] Sai rồi.
              > Vì *thế này*.
            - [x] Đúng rồi.
            > Dòng một
            > dòng hai.
            ???
            """).Quiz!;

        var question = quiz.Questions.Single();
        question.PromptHtml.Should().Be("Câu <strong>hỏi</strong>?");
        question.Options.Select(o => (o.Id, o.TextHtml, o.FeedbackHtml, o.IsCorrect))
            .Should().Equal(("a", "Sai rồi.", "Vì <em>thế này</em>.", false), ("b", "Đúng rồi.", null, true));
        question.ExplanationHtml.Should().Be("Dòng một\ndòng hai.");
        question.Line.Should().Be(2);
    }

    [Theory]
    [InlineData("? single q1\nCâu?\n- [ ] A\n- [ ] B\n> Vì.", 2, "question 'q1' has no right answer: mark one option with \"- [x]\"")]
    [InlineData("? multiple q1\nCâu?\n- [ ] A\n- [ ] B\n> Vì.", 2, "mark at least one option with \"- [x]\"")]
    [InlineData("? single q1\nCâu?\n- [x] A\n- [x] B\n> Vì.", 2, "has 2 right answers")]
    [InlineData("? single q1\n- [x] A\n- [ ] B\n> Vì.", 2, "question 'q1' has no question text")]
    [InlineData("? truefalse q1\nCâu?\n- [x] Có\n- [ ] Không\n> Vì.", 2, "\"- [ ] Đúng\" and \"- [ ] Sai\"")]
    [InlineData("? order q1\nXếp:\n1. A\n2. B\n> Vì.", 2, "at least 3 steps")]
    [InlineData("? order q1\nXếp:\n1. A\n3. B\n2. C\n> Vì.", 5, "numbered 1, 2, 3")]
    [InlineData("? order q1\nXếp:\n1. A\n2. A\n3. C\n> Vì.", 5, "the same text")]
    [InlineData("? essay q1\nCâu?\n> Vì.", 2, "unknown question type 'essay'")]
    [InlineData("? single Câu-1\nCâu?\n- [x] A\n- [ ] B\n> Vì.", 2, "question id 'Câu-1' is not valid")]
    [InlineData("? single\nCâu?", 2, "\"? TYPE ID\"")]
    [InlineData("Câu hỏi lạc chỗ\n? single q1\nCâu?\n- [x] A\n- [ ] B\n> Vì.", 2, "text before the first question")]
    [InlineData("? single q1\nCâu?\n- [x] A\n- [ ] B\n> Vì.\n- [ ] C", 7, "must come before the explanation")]
    [InlineData("? single q1\nCâu?\n- [x] A\n- [] B\n> Vì.", 5, "an option must start with \"- [ ] \"")]
    [InlineData("? single q1\nCâu?\n  > Lạc chỗ.\n- [x] A\n- [ ] B\n> Vì.", 4, "must come right under an option")]
    [InlineData("? single q1\nCâu?\n- [x] A\n- [ ] B\n> Vì.\nThêm chữ.", 7, "unexpected line in question 'q1'")]
    [InlineData("? single q1\nCâu?\n- [x] A\n- [ ] B\n> Vì.\n? single q1\nCâu?\n- [x] A\n- [ ] B\n> Vì.", 7, "question id 'q1' is used twice")]
    [InlineData("? single q1\nCâu?\n- [x] A ![ảnh](a.png)\n- [ ] B\n> Vì.", 4, "images are not supported inside a quiz")]
    [InlineData("? single q1 objective=Nhận-OTP\nCâu?\n- [x] A\n- [ ] B\n> Vì.", 2, "objective 'Nhận-OTP' is not valid")]
    [InlineData("? single q1 muc-tieu=otp\nCâu?\n- [x] A\n- [ ] B\n> Vì.", 2, "unexpected 'muc-tieu=otp' after the question id")]
    [InlineData("? single q1 objective=a objective=b\nCâu?\n- [x] A\n- [ ] B\n> Vì.", 2, "unexpected 'objective=b'")]
    [InlineData("? single q1\n! allow few-options:\nCâu?\n- [x] A\n- [ ] B\n> Vì.", 3, "the allowance of 'few-options' has no reason")]
    [InlineData("? single q1\n! allow few-options lý do\nCâu?\n- [x] A\n- [ ] B\n> Vì.", 3, "write an allowance as \"! allow RULE-ID: reason\"")]
    [InlineData("? single q1\n! allow Few_Options: vì\nCâu?\n- [x] A\n- [ ] B\n> Vì.", 3, "rule id 'Few_Options' is not valid")]
    [InlineData("? single q1\nCâu?\n! allow few-options: vì\n- [x] A\n- [ ] B\n> Vì.", 4, "must come right after the \"?\" line")]
    [InlineData("? single q1\n! allow few-options: vì\n! allow few-options: lại\nCâu?\n- [x] A\n- [ ] B\n> Vì.", 4, "rule 'few-options' is allowed twice")]
    public void A_quiz_mistake_is_reported_once_at_its_line(string questions, int line, string message)
    {
        var rendered = Render($"??? quiz\n{questions}\n???\n");

        rendered.Problems.Should().ContainSingle().Which.Should().Match<MarkdownProblem>(p => p.Line == line && p.Message.Contains(message));
        rendered.Quiz.Should().BeNull("a quiz with mistakes is not offered to learners");
        rendered.Html.Should().NotContain("<form");
    }

    [Fact]
    public void A_quiz_that_is_never_closed_is_reported_at_its_first_line()
    {
        var rendered = Render("Bài.\n\n??? quiz\n? single q1\nCâu?\n- [x] A\n- [ ] B\n> Vì.\n");

        rendered.Problems.Should().ContainSingle().Which.Should().Be(new MarkdownProblem(3, "the quiz is never closed: add a line \"???\" after its last question"));
    }

    [Fact]
    public void True_false_options_may_be_written_in_either_order()
    {
        Render("??? quiz\n? truefalse q1\nCâu?\n- [x] Sai\n- [ ] Đúng\n> Vì.\n???\n").Problems.Should().BeEmpty();
    }

    [Fact]
    public void Step_ids_are_short_hashes_that_do_not_follow_the_authored_order()
    {
        var question = Render("??? quiz\n? order q1\nXếp:\n1. Một\n2. Hai\n3. Ba\n> Vì.\n???\n").Quiz!.Questions.Single();

        question.Steps.Select(s => s.Id).Should().OnlyContain(id => System.Text.RegularExpressions.Regex.IsMatch(id, "^[0-9a-f]{6}$"));
        question.Steps.Select(s => s.Id).Should().OnlyHaveUniqueItems();
        question.Steps.Select(s => s.CorrectPosition).Should().Equal(1, 2, 3);
    }

    [Fact]
    public void Order_steps_are_never_shown_in_the_right_order()
    {
        // Enough questions that the hash order alone would sometimes be the right order.
        var markdown = "??? quiz\n" + string.Concat(Enumerable.Range(1, 40).Select(i => $"? order q{i}\nXếp:\n1. Bước {i}a\n2. Bước {i}b\n3. Bước {i}c\n> Vì.\n")) + "???\n";
        var quiz = Render(markdown).Quiz!;

        foreach (var question in quiz.Questions)
        {
            QuizHtml.DisplayOrder(question).Select(s => s.CorrectPosition).Should().NotEqual([1, 2, 3], $"question {question.Id} must be shuffled");
        }
    }

    [Fact]
    public void The_quiz_version_depends_on_the_quiz_text_only()
    {
        const string Quiz = "??? quiz\n? single q1\nCâu?\n- [x] A\n- [ ] B\n> Vì.\n???\n";

        var version = Render("Đoạn một.\n\n" + Quiz).Quiz!.Version;

        Render("Đoạn khác hẳn.\n\n" + Quiz).Quiz!.Version.Should().Be(version);
        Render("Đoạn một.\n\n" + Quiz.Replace("- [ ] B", "- [ ] C")).Quiz!.Version.Should().NotBe(version);
    }

    [Fact]
    public void A_second_quiz_on_a_page_is_reported_at_its_first_line()
    {
        const string Quiz = "??? quiz\n? single q1\nCâu?\n- [x] A\n- [ ] B\n> Vì.\n???\n";

        var rendered = Render(Quiz + "\n" + Quiz);

        rendered.Problems.Should().ContainSingle().Which.Line.Should().Be(9);
    }

    [Fact]
    public void A_question_names_its_objective_or_takes_its_id_as_objective()
    {
        var quiz = Render("??? quiz\n? single q1 objective=nhan-ra-otp\nCâu?\n- [x] A\n- [ ] B\n> Vì.\n? truefalse q2\nCâu?\n- [x] Đúng\n- [ ] Sai\n> Vì.\n???\n").Quiz!;

        quiz.Questions.Select(q => (q.Id, q.Objective)).Should().Equal(("q1", "nhan-ra-otp"), ("q2", "q2"));
        quiz.Draw.Should().BeNull("without draw=N every question is shown");
        quiz.ShownCount.Should().Be(2);
    }

    [Fact]
    public void Allowances_right_after_the_question_line_are_kept_with_their_lines()
    {
        var question = Render("""
            ??? quiz
            ? single q1
            ! allow few-options: chỉ có hai cách trả lời thật
            !allow longest-right:   câu đúng phải nói đủ ý
            Câu?
            - [x] A
            - [ ] B
            > Vì.
            ???
            """).Quiz!.Questions.Single();

        question.Allowances.Should().Equal(
            new LintAllowance("few-options", "chỉ có hai cách trả lời thật", 3),
            new LintAllowance("longest-right", "câu đúng phải nói đủ ý", 4));
        question.PromptHtml.Should().Be("Câu?");
    }

    [Fact]
    public void Draw_on_the_opening_line_sets_how_many_questions_an_attempt_shows()
    {
        const string Questions = "? single q1\nCâu?\n- [x] A\n- [ ] B\n> Vì.\n? single q2\nCâu?\n- [x] A\n- [ ] B\n> Vì.\n???\n";

        var drawn = Render("??? quiz draw=1\n" + Questions).Quiz!;

        drawn.Draw.Should().Be(1);
        drawn.ShownCount.Should().Be(1);
        drawn.Version.Should().NotBe(Render("??? quiz\n" + Questions).Quiz!.Version, "a draw changes what an attempt is");
    }

    [Theory]
    [InlineData("draw=3", "draw=3 asks for more questions than the quiz has (2)")]
    [InlineData("draw=0", "draw=0 is not a whole number of questions of at least 1")]
    [InlineData("draw=hai", "draw=hai is not a whole number")]
    [InlineData("draw=-1", "draw=-1 is not a whole number")]
    [InlineData("rut=2", "unexpected 'rut=2' after \"??? quiz\"")]
    [InlineData("draw=1 draw=2", "unexpected 'draw=2'")]
    public void A_wrong_draw_is_reported_at_the_opening_line(string arguments, string message)
    {
        var rendered = Render($"Bài.\n\n??? quiz {arguments}\n? single q1\nCâu?\n- [x] A\n- [ ] B\n> Vì.\n? single q2\nCâu?\n- [x] A\n- [ ] B\n> Vì.\n???\n");

        rendered.Problems.Should().ContainSingle().Which.Should().Match<MarkdownProblem>(p => p.Line == 3 && p.Message.Contains(message));
        rendered.Quiz.Should().BeNull();
    }
}
