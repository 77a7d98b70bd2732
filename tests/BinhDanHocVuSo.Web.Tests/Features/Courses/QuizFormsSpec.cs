using System.Diagnostics.Metrics;
using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Content.Quizzes;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Courses;

/// <summary>
/// The one way through for a quiz answer: page → learner grain → rules → store, graded once. Gradings are counted with
/// the content engine's meter, so these specs run alone (no other spec grades meanwhile).
/// </summary>
[Collection(GradingCount.Collection)]
public sealed class QuizFormsSpec : PlatformSpec
{
    [Fact]
    public async Task A_lesson_quiz_answered_on_its_page_is_graded_once_and_its_resend_not_again()
    {
        var phone = Platform.Browser();
        await phone.PostAsync("/c/khoa-mau/bai-mot", Form(Guid.NewGuid().ToString(), ("q.b1-1", "a")));
        var page = await phone.GetStringAsync("/c/khoa-mau/bai-mot");
        var (attempt, token) = (Field(page, "attemptId"), Field(page, "__RequestVerificationToken"));
        using var grades = new GradingCount();

        var first = await phone.PostAsync("/c/khoa-mau/bai-mot", Form(attempt, ("__RequestVerificationToken", token), ("q.b1-1", "b")));
        var afterFirst = grades.Count;
        var resent = await phone.PostAsync("/c/khoa-mau/bai-mot", Form(attempt, ("__RequestVerificationToken", token), ("q.b1-1", "b")));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        resent.StatusCode.Should().Be(HttpStatusCode.OK);
        afterFirst.Should().Be(1, "reading the form only parses; the grain grades");
        grades.Count.Should().Be(1, "a resend returns the kept result");
        (await resent.Content.ReadAsStringAsync()).Should().Contain("Bạn trả lời đúng 1/3 câu");
    }

    [Fact]
    public async Task A_visitor_without_cookies_can_answer_a_course_s_final_quiz_straight_from_the_course_page()
    {
        var visitor = Platform.Browser();
        var page = await visitor.GetAsync("/c/khoa-mau");
        var html = await page.Content.ReadAsStringAsync();
        using var grades = new GradingCount();

        var answer = await visitor.PostAsync("/c/khoa-mau", Form(Field(html, "attemptId"), ("q.cuoi-1", "b"), ("q.cuoi-2", "b")));
        var result = await answer.Content.ReadAsStringAsync();

        page.Headers.Contains("Set-Cookie").Should().BeFalse("a passer-by gets no cookie for reading");
        answer.StatusCode.Should().Be(HttpStatusCode.OK, result);
        result.Should().Contain("Bạn trả lời đúng 2/2 câu");
        answer.Headers.GetValues("Set-Cookie").Count(c => c.StartsWith("bdhvs.guest=", StringComparison.Ordinal))
            .Should().Be(1, "one guest is made for the answer, not two");
        grades.Count.Should().Be(1);
    }

    [Fact]
    public async Task The_result_of_a_lesson_quiz_shows_the_feedback_of_the_chosen_option_and_the_explanation()
    {
        var phone = Platform.Browser();
        var attempt = Field(await phone.GetStringAsync("/c/khoa-mau/bai-mot"), "attemptId");

        var html = await (await phone.PostAsync("/c/khoa-mau/bai-mot", Form(attempt, ("q.b1-1", "a")))).Content.ReadAsStringAsync();

        html.Should().Contain("Chưa đúng: ai có mã OTP là làm được giao dịch thay bạn.");
        html.Should().Contain("Không đưa mã OTP cho bất kỳ ai.");
    }

    [Fact]
    public async Task A_quiz_form_posted_without_its_anti_forgery_token_is_refused_with_a_message_not_a_blank_page()
    {
        var guest = Platform.Browser();
        var attempt = Field(await guest.GetStringAsync("/c/khoa-mau/bai-mot"), "attemptId");
        await guest.PostAsync("/c/khoa-mau/bai-mot", Form(attempt, ("q.b1-1", "b")));

        var forged = await guest.PostAsync("/c/khoa-mau", Form(Guid.NewGuid().ToString(), ("q.cuoi-1", "b")));

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await forged.Content.ReadAsStringAsync()).Should().Contain("Hãy tải lại trang và làm lại.");
    }

    static FormUrlEncodedContent Form(string attemptId, params (string Name, string Value)[] answers) =>
        new([new("attemptId", attemptId), .. answers.Select(a => new KeyValuePair<string, string>(a.Name, a.Value))]);

    static string Field(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*?value=\"([^\"]+)\"").Groups[1].Value;
}

/// <summary>Counts the quiz gradings made while it lives, from the content engine's meter.</summary>
public sealed class GradingCount : IDisposable
{
    public const string Collection = "Counts quiz gradings";

    readonly MeterListener _listener = new();
    long _count;

    public GradingCount()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == QuizGrader.MeterName && instrument.Name == QuizGrader.GradesCounter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}

[CollectionDefinition(GradingCount.Collection, DisableParallelization = true)]
public sealed class GradingCountCollection;
