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
}
