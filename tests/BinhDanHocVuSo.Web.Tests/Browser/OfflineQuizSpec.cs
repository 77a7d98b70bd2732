using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BinhDanHocVuSo.Web.Tests.Browser;

/// <summary>A quiz answered without a connection, on a 360×640 phone: what the learner sees beside the button, and after.</summary>
public sealed class OfflineQuizSpec(PhoneBrowser site) : IClassFixture<PhoneBrowser>
{
    [Fact]
    public async Task Answers_kept_offline_are_announced_beside_the_button_and_once_sent_each_question_shows_its_explanation()
    {
        var course = site.Catalog.Courses[0];
        var lesson = course.Lessons.First(l => l.Quiz is not null);
        var lessonPath = $"/c/{course.Slug}/{lesson.Slug}";
        await using var phone = await site.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await page.GotoAsync(lessonPath);
        await PhoneBrowser.WaitUntilAsync(page, $"caches.match('{lessonPath}')", "the lesson page to be kept for offline reading");

        await phone.SetOfflineAsync(true);
        await page.GotoAsync(lessonPath);
        await PhoneBrowser.AnswerRightAsync(page, lesson.Quiz!);
        await page.ClickAsync("form.quiz button[type=submit]");

        var besideButton = page.Locator("form.quiz button[type=submit] + .outbox-note");
        await PhoneBrowser.WaitUntilAsync(page, "document.querySelector('form.quiz button[type=submit] + .outbox-note') !== null", "the note beside the button");
        (await besideButton.TextContentAsync()).Should().StartWith("Chưa có mạng nên bài làm chưa gửi được");
        (await page.Locator("form.quiz .sent-result").CountAsync()).Should().Be(0, "nothing is graded before the answers reach the server");
        await PhoneBrowser.LookAtAsync(page, "offline-quiz-kept");

        await phone.SetOfflineAsync(false);
        await PhoneBrowser.WaitUntilAsync(page, "document.querySelectorAll('form.quiz .sent-result').length > 0", "the result under the questions");
        var shown = lesson.Quiz!.ShownCount;
        (await besideButton.TextContentAsync()).Should().Be($"Bạn trả lời đúng {shown}/{shown} câu (100%).");
        (await page.Locator("form.quiz fieldset.question").CountAsync()).Should().Be(shown);
        (await page.Locator("form.quiz fieldset.question .sent-result.right").CountAsync()).Should().Be(shown, "every question was answered right");
        foreach (var fieldset in await page.Locator("form.quiz fieldset.question").AllAsync())
        {
            var id = (await fieldset.GetAttributeAsync("id"))![2..];
            var question = lesson.Quiz.Questions.Single(q => q.Id == id);
            var explanation = Plain(question.ExplanationHtml);
            var result = Plain(await fieldset.Locator(".sent-result").InnerHTMLAsync());
            result.Should().StartWith("Đúng").And.Contain("Giải thích: " + explanation[..Math.Min(40, explanation.Length)]);
        }
        await PhoneBrowser.LookAtAsync(page, "offline-quiz-sent");
    }

    static string Plain(string html) =>
        Regex.Replace(System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " ")), @"\s+", " ").Trim();
}
