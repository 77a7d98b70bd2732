using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BinhDanHocVuSo.Web.Tests.Browser;

/// <summary>A citizen on a cheap phone, in real headless Chromium at 360×640.</summary>
public sealed class CitizenOnAPhoneSpec(PhoneBrowser site) : IClassFixture<PhoneBrowser>
{
    [Fact]
    public async Task A_citizen_reads_a_lesson_answers_its_quiz_sees_the_explained_result_and_their_progress()
    {
        var course = site.Catalog.Courses[0];
        var lesson = course.Lessons[0];
        await using var phone = await site.NewPhoneAsync();
        var page = await phone.NewPageAsync();

        await page.GotoAsync("/");
        await PhoneBrowser.LookAtAsync(page, "01-home");
        await page.ClickAsync($"a.card[href='/c/{course.Slug}']");
        await page.WaitForURLAsync($"**/c/{course.Slug}");
        await PhoneBrowser.LookAtAsync(page, "02-course");
        await page.ClickAsync($"a.btn[href='/c/{course.Slug}/{lesson.Slug}']");
        (await page.TextContentAsync("h1")).Should().Be(lesson.Title);
        await PhoneBrowser.LookAtAsync(page, "03-lesson");

        await PhoneBrowser.AnswerRightAsync(page, lesson.Quiz!);
        await page.ClickAsync("form.quiz button[type=submit]");
        await page.WaitForSelectorAsync("[data-attempt]");
        var result = await page.TextContentAsync("main");
        result.Should().Contain($"Bạn trả lời đúng {lesson.Quiz!.ShownCount}/{lesson.Quiz.ShownCount} câu").And.Contain("Giải thích");
        await PhoneBrowser.LookAtAsync(page, "04-result");

        await page.ClickAsync($"a.btn.secondary[href='/c/{course.Slug}']");
        var percent = (int)Math.Round(100.0 / course.Lessons.Count);
        (await page.TextContentAsync("main")).Should().Contain($"Đã học {percent}%");
        (await page.TextContentAsync($"a[href='/c/{course.Slug}/{lesson.Slug}']")).Should().Contain("Đã thạo", "its quiz was passed on a fresh draw");
        await PhoneBrowser.LookAtAsync(page, "05-course-progress");

        // With their guest cookie the lesson comes from the kept page, gzip with their own parts spliced in.
        var reopened = await page.GotoAsync($"/c/{course.Slug}/{lesson.Slug}");
        (await reopened!.HeaderValueAsync("content-encoding")).Should().Be("gzip");
        (await page.TextContentAsync("[data-learner]")).Should().Be($"Bạn đã học 1/{course.Lessons.Count} bài của khoá này. Bài này bạn đã học xong.");
        (await page.Locator("form.quiz input[name=__RequestVerificationToken]").CountAsync()).Should().Be(1);

        await page.GotoAsync($"/c/{course.Slug}/poster");
        await PhoneBrowser.LookAtAsync(page, "06-poster");
    }

    [Fact]
    public async Task A_citizen_who_completed_a_course_prints_a_certificate_whose_QR_link_anyone_can_check()
    {
        var course = site.Catalog.Courses[^1];
        await using var phone = await site.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        var number = $"09{Random.Shared.Next(10_000_000, 99_999_999)}";

        await page.GotoAsync("/account/register");
        await page.FillAsync("#phone", number);
        await page.FillAsync("#name", "Hoàng Thị Lan");
        await page.SelectOptionAsync("#commune", "cao-bang/phuong-thuc-phan");
        await page.FillAsync("#password", "lan-2026-otp");
        await page.FillAsync("#confirm", "lan-2026-otp");
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync("**/");
        await CompleteAsync(number, course);

        await page.GotoAsync($"/c/{course.Slug}");
        await page.ClickAsync($"a[href='/c/{course.Slug}/chung-nhan']");
        (await page.TextContentAsync("main")).Should().Contain("Hoàng Thị Lan", "the page shows the name the certificate will carry");
        await page.ClickAsync("main form button[type=submit]");
        (await page.TextContentAsync(".certificate")).Should().Contain("Hoàng Thị Lan").And.Contain(course.Title);
        await PhoneBrowser.LookAtAsync(page, "10-certificate");
        var link = System.Text.RegularExpressions.Regex.Match((await page.TextContentAsync(".certificate .muted"))!, @"https?://\S+/xac-minh/[0-9a-f]{32}").Value;

        await using var stranger = await site.NewPhoneAsync();
        var check = await stranger.NewPageAsync();
        await check.GotoAsync(link);
        (await check.TextContentAsync("main")).Should().Contain("Giấy chứng nhận hợp lệ").And.Contain("Hoàng Thị Lan").And.NotContain(number);
        await PhoneBrowser.LookAtAsync(check, "11-certificate-check");
    }

    async Task CompleteAsync(string phone, BinhDanHocVuSo.Content.Courses.Course course)
    {
        using var scope = site.Site.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<BinhDanHocVuSo.Web.Features.Accounts.AppUser>>().FindByNameAsync(phone);
        var learner = site.Site.Services.GetRequiredService<IGrainFactory>().GetGrain<BinhDanHocVuSo.Web.Features.Learning.ILearnerGrain>(user!.Id);
        foreach (var lesson in course.Lessons)
        {
            await learner.CompleteLesson(course.Slug, lesson.Slug);
        }
        if (course.FinalQuiz is { } final)
        {
            // The final quiz is drawn: answer the questions one page of it would show.
            var draws = await site.Site.Services.GetRequiredService<BinhDanHocVuSo.Web.Features.Courses.QuizDrawKey>().GetAsync();
            var drawId = Guid.NewGuid();
            await learner.SubmitQuiz(new(Guid.NewGuid(), course.Slug, final.Id, Support.Answers.AllRight(draws.For(course.Slug, final, drawId)), drawId));
        }
    }

    [Fact]
    public async Task Answers_given_offline_wait_on_the_phone_and_are_counted_once_when_the_connection_returns()
    {
        var course = site.Catalog.Courses[1];
        var lesson = course.Lessons[1];
        var lessonPath = $"/c/{course.Slug}/{lesson.Slug}";
        await using var phone = await site.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await page.GotoAsync(lessonPath);
        await PhoneBrowser.WaitUntilAsync(page, $"caches.match('/c/{course.Slug}')", "the course page to be kept for offline reading");
        await PhoneBrowser.WaitUntilAsync(page, $"caches.match('{lessonPath}')", "the lesson page to be kept for offline reading");

        await phone.SetOfflineAsync(true);
        await page.GotoAsync($"/c/{course.Slug}");
        (await page.TextContentAsync("h1")).Should().Be(course.Title, "the course page opens from the phone's copy");
        await page.GotoAsync(lessonPath);
        await PhoneBrowser.AnswerRightAsync(page, lesson.Quiz!);
        await page.ClickAsync("form.quiz button[type=submit]");
        await PhoneBrowser.WaitUntilAsync(page, "document.getElementById('outbox').textContent.indexOf('Có 1 bài làm đang chờ gửi') === 0", "the waiting notice");
        await PhoneBrowser.LookAtAsync(page, "07-offline-answer-waiting");

        await phone.SetOfflineAsync(false);
        await PhoneBrowser.WaitUntilAsync(page, "document.getElementById('outbox').textContent.indexOf('Đã gửi bài làm lúc') === 0", "the sent notice");
        (await page.TextContentAsync("#outbox")).Should().Contain($"đúng {lesson.Quiz!.ShownCount}/{lesson.Quiz.ShownCount} câu");
        await PhoneBrowser.LookAtAsync(page, "08-offline-answer-sent");
        (await AttemptsAsync(phone, course.Slug, lesson.Quiz.Id)).Should().Be(1);

        await page.ReloadAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.EvaluateAsync<string?>("localStorage.getItem('bdhvs.outbox')")).Should().Be("[]");
        (await AttemptsAsync(phone, course.Slug, lesson.Quiz.Id)).Should().Be(1, "an answer sent once is counted once");
    }

    [Fact]
    public async Task The_read_aloud_button_appears_only_with_a_Vietnamese_voice_and_pauses_and_continues()
    {
        var course = site.Catalog.Courses[2];
        var lesson = course.Lessons[0];
        await using var englishOnly = await site.NewPhoneAsync();
        await englishOnly.AddInitScriptAsync(FakeSpeech("en-US"));
        var withoutVietnamese = await englishOnly.NewPageAsync();
        await withoutVietnamese.GotoAsync($"/c/{course.Slug}/{lesson.Slug}");
        await withoutVietnamese.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await withoutVietnamese.IsHiddenAsync("#tts")).Should().BeTrue("a phone without a Vietnamese voice would read the lesson wrongly");

        await using var phone = await site.NewPhoneAsync();
        await phone.AddInitScriptAsync(FakeSpeech("vi-VN"));
        var page = await phone.NewPageAsync();
        await page.GotoAsync($"/c/{course.Slug}/{lesson.Slug}");
        var button = page.Locator("#tts [data-tts-play]");
        (await button.TextContentAsync()).Should().Be("Nghe đọc bài");

        await button.ClickAsync();
        var first = await page.EvaluateAsync<JsonElement>("window.spoken[0]");
        first.GetProperty("lang").GetString().Should().Be("vi-VN");
        first.GetProperty("text").GetString().Should().Contain(lesson.Title);
        (await button.TextContentAsync()).Should().Be("Tạm dừng");
        await PhoneBrowser.LookAtAsync(page, "09-read-aloud");

        await button.ClickAsync();
        (await button.TextContentAsync()).Should().Be("Đọc tiếp");
        await button.ClickAsync();
        (await page.EvaluateAsync<int>("window.spoken.length")).Should().Be(2);
        (await page.EvaluateAsync<string>("window.spoken[1].text")).Should().Be(first.GetProperty("text").GetString(), "it continues where it paused");
    }

    /// <summary>A speech engine with one voice of <paramref name="lang"/> that records what it is asked to say.</summary>
    static string FakeSpeech(string lang) => $$"""
        window.spoken = [];
        const voices = [{ lang: '{{lang}}', name: 'test', voiceURI: 'test', localService: true, default: true }];
        speechSynthesis.getVoices = () => voices;
        speechSynthesis.speak = u => window.spoken.push({ text: u.text, lang: u.lang });
        speechSynthesis.cancel = () => { };
        window.SpeechSynthesisUtterance = function (text) { this.text = text; };
        """;

    static async Task<int> AttemptsAsync(IBrowserContext phone, string course, string quiz)
    {
        var response = await phone.APIRequest.GetAsync($"/api/progress/{course}");
        response.Ok.Should().BeTrue();
        using var progress = JsonDocument.Parse(await response.TextAsync());
        return progress.RootElement.GetProperty("quizzes").GetProperty(quiz).GetProperty("attempts").GetInt32();
    }
}
