using System.Text.RegularExpressions;
using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Web.Tests.Features.Courses;

/// <summary>
/// A page with a quiz, as any browser receives it, never tells which answer is right: not in an attribute, a
/// class or a comment, not by the order of the options, and not by showing feedback before the learner answers.
/// </summary>
public sealed class NoAnswersInPagesSpec(ShippedSite site) : IClassFixture<ShippedSite>
{
    static readonly string[] Markers = ["checked", "selected", "correct", "right", "data-c", "true", "false"];

    [Fact]
    public async Task No_shipped_lesson_or_course_page_reveals_a_right_answer()
    {
        var pages = site.Catalog.Courses
            .SelectMany(c => c.Lessons.Select(l => (Path: $"/c/{c.Slug}/{l.Slug}", Quiz: l.Quiz))
                .Append((Path: $"/c/{c.Slug}", Quiz: c.FinalQuiz)))
            .Where(p => p.Quiz is not null)
            .ToList();
        pages.Should().HaveCountGreaterThan(10);

        foreach (var (path, quiz) in pages)
        {
            var html = await site.Browser().GetStringAsync(path);
            var form = Regex.Match(html, "<form class=\"quiz\".*?</form>", RegexOptions.Singleline).Value;
            form.Should().NotBeEmpty($"{path} shows its quiz");
            var visible = Regex.Replace(form, "<input type=\"hidden\"[^>]*>", "").ToLowerInvariant();

            visible.Should().NotContainAny(Markers, $"{path} must not mark an answer");
            visible.Should().NotContain("<!--");
            foreach (var question in quiz!.Questions)
            {
                ShownOrder(form, question).Should().Equal(ExpectedOrder(question), $"{path} shows {question.Id} in an order that does not depend on the answer");
                html.Should().NotContain(question.ExplanationHtml, $"{path} explains {question.Id} only after it is answered");
                foreach (var feedback in question.Options.Select(o => o.FeedbackHtml).OfType<string>())
                {
                    html.Should().NotContain(feedback);
                }
            }
        }
    }

    /// <summary>Option ids as the inputs appear, or for an order question the step ids as the selects appear.</summary>
    static List<string> ShownOrder(string form, Question question) => question.Kind == QuestionKind.Order
        ? [.. Regex.Matches(form, $"<select name=\"o\\.{Regex.Escape(question.Id)}\\.([^\"]+)\"").Select(m => m.Groups[1].Value)]
        : [.. Regex.Matches(form, $"name=\"q\\.{Regex.Escape(question.Id)}\" value=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    /// <summary>Options in the order the author wrote them; steps in the fixed shuffle that is never the right order.</summary>
    static List<string> ExpectedOrder(Question question)
    {
        if (question.Kind != QuestionKind.Order)
        {
            return [.. question.Options.Select(o => o.Id)];
        }
        var shown = QuizHtml.DisplayOrder(question).Select(s => s.Id).ToList();
        shown.Should().NotEqual(question.RightStepOrder, $"{question.Id} must not show its steps in the right order");
        return shown;
    }
}
