using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Web.Tests.Features.Courses;

/// <summary>
/// A page with a quiz, as any browser receives it, never tells which answer is right: not in an attribute, a
/// class or a comment, not by the order of the options, and not by showing feedback before the learner answers.
/// A course's final quiz, which decides the certificate, names its right answers only in an attempt that passed.
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
            var shown = quiz!.Questions.Where(q => form.Contains($"id=\"q-{q.Id}\"", StringComparison.Ordinal)).ToList();
            shown.Should().HaveCount(quiz.ShownCount, $"{path} shows the questions of one draw");
            foreach (var question in shown)
            {
                CheckShownOrder(ShownOrder(form, question), question, path);
            }
            foreach (var question in quiz.Questions)
            {
                html.Should().NotContain(question.ExplanationHtml, $"{path} explains {question.Id} only after it is answered");
                foreach (var feedback in question.Options.Select(o => o.FeedbackHtml).OfType<string>())
                {
                    html.Should().NotContain(feedback);
                }
            }
        }
    }

    [Fact]
    public async Task A_failed_final_quiz_does_not_reveal_the_right_answers()
    {
        var course = site.Catalog.Courses.First(c => c.FinalQuiz is not null);
        var quiz = course.FinalQuiz!;
        var visitor = site.Browser();
        var form = await visitor.GetStringAsync($"/c/{course.Slug}");
        var attempt = Guid.NewGuid();

        var page = await visitor.PostAsync($"/c/{course.Slug}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["attemptId"] = Field(form, "attemptId"), ["drawId"] = Field(form, "drawId"),
        }));
        var html = await page.Content.ReadAsStringAsync();
        var api = await site.Browser().PostAsJsonAsync($"/api/courses/{course.Slug}/quizzes/{quiz.Id}/attempts", new { attemptId = attempt, answers = new { } });
        var replayed = await site.Browser().PostAsJsonAsync($"/api/courses/{course.Slug}/quizzes/{quiz.Id}/attempts", new { attemptId = attempt, answers = new { } });

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("Chưa đạt").And.Contain("Chưa đúng").And.NotContain("Đáp án đúng").And.NotContain("Giải thích");
        foreach (var question in quiz.Questions)
        {
            html.Should().NotContain(question.ExplanationHtml, $"a failed attempt does not explain {question.Id}");
            foreach (var feedback in question.Options.Select(o => o.FeedbackHtml).OfType<string>())
            {
                html.Should().NotContain(feedback);
            }
        }
        foreach (var response in new[] { api, replayed })
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var result = (await response.Content.ReadFromJsonAsync<ResultDto>())!;
            result.Passed.Should().BeFalse();
            result.Questions.Should().HaveCount(quiz.ShownCount).And.OnlyContain(q => !q.IsCorrect && q.RightAnswer.Count == 0,
                "which questions were wrong is said, never what was right");
        }
    }

    [Fact]
    public async Task A_passed_final_quiz_shows_the_explanations()
    {
        var course = site.Catalog.Courses.First(c => c.FinalQuiz is not null);
        var quiz = course.FinalQuiz!;
        var visitor = site.Browser();
        var form = await visitor.GetStringAsync($"/c/{course.Slug}");
        var shown = quiz.Questions.Where(q => form.Contains($"id=\"q-{q.Id}\"", StringComparison.Ordinal)).ToList();
        var fields = RightAnswers(shown);
        fields.Add(KeyValuePair.Create("attemptId", Field(form, "attemptId")));
        fields.Add(KeyValuePair.Create("drawId", Field(form, "drawId")));

        var page = await visitor.PostAsync($"/c/{course.Slug}", new FormUrlEncodedContent(fields));
        var html = await page.Content.ReadAsStringAsync();
        var lesson = course.Lessons.First(l => l.Quiz is not null);
        var practice = await site.Browser().PostAsJsonAsync($"/api/courses/{course.Slug}/quizzes/{lesson.Quiz!.Id}/attempts",
            new { attemptId = Guid.NewGuid(), answers = new { } });

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("Đạt yêu cầu");
        foreach (var question in shown)
        {
            html.Should().Contain(question.ExplanationHtml, $"a passed attempt explains {question.Id}");
        }
        (await practice.Content.ReadFromJsonAsync<ResultDto>())!.Questions.Should().OnlyContain(q => q.RightAnswer.Count > 0,
            "a lesson's quiz is practice and always names the right answers");
    }

    /// <summary>The quiz form filled in as a learner who knows every answer: options checked, steps numbered in the right order.</summary>
    static List<KeyValuePair<string, string>> RightAnswers(IEnumerable<Question> questions)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var question in questions)
        {
            if (question.Kind == QuestionKind.Order)
            {
                fields.AddRange(question.RightStepOrder.Select((step, i) => KeyValuePair.Create($"o.{question.Id}.{step}", (i + 1).ToString())));
            }
            else
            {
                fields.AddRange(question.RightOptionIds.Select(option => KeyValuePair.Create($"q.{question.Id}", option)));
            }
        }
        return fields;
    }

    static string Field(string html, string name) => Regex.Match(html, $"name=\"{name}\"[^>]*?value=\"([^\"]+)\"").Groups[1].Value;

    sealed record ResultDto(bool Passed, List<QuestionDto> Questions);

    sealed record QuestionDto(string QuestionId, bool IsCorrect, List<string> RightAnswer);

    /// <summary>Option ids as the inputs appear, or for an order question the step ids as the selects appear.</summary>
    static List<string> ShownOrder(string form, Question question) => question.Kind == QuestionKind.Order
        ? [.. Regex.Matches(form, $"<select name=\"o\\.{Regex.Escape(question.Id)}\\.([^\"]+)\"").Select(m => m.Groups[1].Value)]
        : [.. Regex.Matches(form, $"name=\"q\\.{Regex.Escape(question.Id)}\" value=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    /// <summary>
    /// The order shown is the attempt's shuffle (see QuizDrawsSpec for its uniformity), and options are named by the
    /// attempt's aliases, not by their ids (which follow the authored order). On one page: every option or step is
    /// there, options under six-hex aliases, and an order question never shows its steps in the right order.
    /// </summary>
    static void CheckShownOrder(List<string> shown, Question question, string path)
    {
        if (question.Kind == QuestionKind.Order)
        {
            shown.Should().BeEquivalentTo(question.RightStepOrder, $"{path} shows every step of {question.Id}");
            shown.Should().NotEqual(question.RightStepOrder, $"{path} must not show the steps of {question.Id} in the right order");
        }
        else
        {
            shown.Should().HaveCount(question.Options.Count, $"{path} shows every option of {question.Id}")
                .And.OnlyHaveUniqueItems().And.OnlyContain(v => Regex.IsMatch(v, "^[0-9a-f]{6}$"), $"{path} names the options of {question.Id} by aliases");
        }
    }
}
