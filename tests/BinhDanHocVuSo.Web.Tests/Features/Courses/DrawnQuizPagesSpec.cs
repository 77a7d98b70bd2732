using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Courses;

/// <summary>
/// A lesson whose quiz draws 2 of its 4 questions (objectives "otp" and "link", two questions each: the test course
/// in TestData/drawn-courses): each page view shows its own draw, shuffled, and the answers are graded on that draw.
/// </summary>
public sealed class DrawnQuizPagesSpec() : PlatformSpec(DatabaseProvider.Sqlite, new Dictionary<string, string?>
{
    ["Content:CoursesPath"] = Repository.Path("tests/BinhDanHocVuSo.Web.Tests/TestData/drawn-courses"),
})
{
    const string Lesson = "/c/khoa-rut/bai-rut";

    [Fact]
    public async Task Each_view_of_a_learner_s_lesson_shows_one_question_per_objective_in_its_own_order()
    {
        var phones = new[] { await Guest(), await Guest() };
        var views = new List<string>();

        foreach (var phone in phones)
        {
            for (var i = 0; i < 5; i++)
            {
                var page = await phone.GetStringAsync(Lesson);
                var questions = Questions(page);
                questions.Should().HaveCount(2);
                questions.Select(q => q.Split('-')[0]).Should().BeEquivalentTo("otp", "link");
                views.Add(string.Join(" ", Regex.Matches(page, "name=\"q\\.([^\"]+)\" value=\"([^\"]+)\"").Select(m => m.Groups[1].Value + "=" + m.Groups[2].Value)));
            }
        }

        views.Distinct().Count().Should().BeGreaterThan(3, "every view is drawn and shuffled afresh, for each learner");
    }

    // The page names options by aliases of its draw (six hex digits), which the server maps back to option ids.
    [Fact]
    public async Task Answers_are_graded_on_the_page_s_draw_and_an_answer_to_a_question_it_did_not_show_is_refused()
    {
        var phone = await Guest();
        var page = await phone.GetStringAsync(Lesson);
        var shown = Questions(page);
        var notShown = new[] { "otp-1", "otp-2", "link-1", "link-2" }.First(q => !shown.Contains(q));

        var refused = await phone.PostAsync(Lesson, Form(page, (notShown, "a")));
        var alias = Regex.Match(page, $"name=\"q\\.{shown[0]}\" value=\"([^\"]+)\"").Groups[1].Value;
        var graded = await phone.PostAsync(Lesson, Form(page, (shown[0], alias)));

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain($"Câu &#x27;{notShown}&#x27; không có trong lượt làm bài này");
        alias.Should().MatchRegex("^[0-9a-f]{6}$");
        graded.StatusCode.Should().Be(HttpStatusCode.OK);
        (await graded.Content.ReadAsStringAsync()).Should().MatchRegex("Bạn trả lời đúng [01]/2 câu");
    }

    [Fact]
    public async Task The_offline_queue_sends_the_page_s_draw_id_and_option_ids_and_is_graded_on_that_draw()
    {
        var phone = await Guest();
        var page = await phone.GetStringAsync(Lesson);
        var shown = Questions(page);
        var notShown = new[] { "otp-1", "otp-2", "link-1", "link-2" }.First(q => !shown.Contains(q));
        var draw = Guid.Parse(Field(page, "drawId"));

        var sent = await phone.PostAsJsonAsync("/api/courses/khoa-rut/quizzes/bai-rut/attempts",
            new { attemptId = Guid.NewGuid(), drawId = draw, answers = new Dictionary<string, string[]> { [shown[0]] = ["b"] } });
        var outside = await phone.PostAsJsonAsync("/api/courses/khoa-rut/quizzes/bai-rut/attempts",
            new { attemptId = Guid.NewGuid(), drawId = draw, answers = new Dictionary<string, string[]> { [notShown] = ["b"] } });

        sent.StatusCode.Should().Be(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        (await sent.Content.ReadFromJsonAsync<AttemptResult>())!.Total.Should().Be(2);
        outside.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await outside.Content.ReadAsStringAsync()).Should().Contain("QuestionNotShown");
    }

    [Fact]
    public async Task The_objectives_a_learner_missed_come_back_on_their_home_page_the_next_day()
    {
        var phone = await Guest(); // its first answer was empty: both objectives of its draw were missed

        var sameDay = await phone.GetStringAsync("/");
        Platform.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await phone.GetStringAsync("/");

        sameDay.Should().NotContain("Ôn lại hôm nay");
        nextDay.Should().Contain("Ôn lại hôm nay").And.Contain($"<a href=\"{Lesson}\">Ôn bài: Bài rút câu hỏi</a>");
    }

    sealed record AttemptResult(int Correct, int Total);

    /// <summary>A phone with a guest cookie: its first answer (an empty one) made it a guest.</summary>
    async Task<HttpClient> Guest()
    {
        var phone = Platform.Browser();
        var page = await phone.GetStringAsync(Lesson);
        (await phone.PostAsync(Lesson, Form(page))).StatusCode.Should().Be(HttpStatusCode.OK);
        return phone;
    }

    static List<string> Questions(string page) =>
        [.. Regex.Matches(page, "<fieldset class=\"question\" id=\"q-([^\"]+)\"").Select(m => m.Groups[1].Value)];

    static FormUrlEncodedContent Form(string page, params (string Question, string Option)[] answers)
    {
        var fields = new List<KeyValuePair<string, string>> { new("attemptId", Field(page, "attemptId")), new("drawId", Field(page, "drawId")) };
        if (Field(page, "__RequestVerificationToken") is { Length: > 0 } token)
        {
            fields.Add(new("__RequestVerificationToken", token));
        }
        fields.AddRange(answers.Select(a => new KeyValuePair<string, string>("q." + a.Question, a.Option)));
        return new FormUrlEncodedContent(fields);
    }

    static string Field(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*?value=\"([^\"]+)\"").Groups[1].Value;
}
