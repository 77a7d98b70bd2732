using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Tests.Features.Field;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Playwright;

namespace BinhDanHocVuSo.Web.Tests.Browser;

/// <summary>"Hướng dẫn tại nhà" on the team member's cheap phone (360×640): registering a citizen, guiding them through a lesson, ending.</summary>
public sealed class AssistOnAPhoneSpec(PhoneBrowser site) : IClassFixture<PhoneBrowser>
{
    [Fact]
    public async Task A_member_registers_a_person_without_a_phone_guides_them_through_a_lesson_quiz_and_the_person_s_progress_shows_it_done_with_the_team()
    {
        var platform = site.Platform;
        var village = $"{People.Commune}/thon-na-lan-{Guid.NewGuid().ToString("N")[..6]}";
        await platform.VillagesAsync((village, "Thôn Nà Lần", 400));
        var member = await platform.CreateAsync(Roles.Trainer);
        var team = await platform.TeamAsync(People.Commune, "Tổ công nghệ số cộng đồng thôn Nà Lần", [village], member.Id);
        var (course, lesson) = site.Catalog.Courses.SelectMany(c => c.Lessons.Select(l => (Course: c, Lesson: l)))
            .First(x => x.Lesson.Quiz is not null && x.Lesson.Practices.Count == 0 && x.Lesson.Drills.Count == 0);
        await using var phone = await site.NewPhoneAsync(serviceWorkers: false);
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#phone", member.Phone);
        await page.FillAsync("#password", member.Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));

        // The member registers a citizen who has no phone: the form, then the consent the citizen reads.
        await page.GotoAsync("/assist");
        await PhoneBrowser.LookAtAsync(page, "21-assist-empty");
        await page.ClickAsync("main a[href='/assist/new']");
        await page.CheckAsync("input[name=Kind][value=nophone]");
        await page.FillAsync("#name", "Lục Văn Páo");
        await page.FillAsync("#year", "1949");
        await page.SelectOptionAsync("#place", $"{team}|{village}");
        await PhoneBrowser.LookAtAsync(page, "21-assist-new");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("form.consent");
        (await page.TextContentAsync("main")).Should().Contain("Lục Văn Páo").And.Contain("Thôn Nà Lần").And.Contain("1949");
        await PhoneBrowser.LookAtAsync(page, "21-assist-consent");
        await page.CheckAsync("form.consent input[name=Consent]");
        await page.ClickAsync("form.consent button:not(.secondary)");
        await page.WaitForURLAsync("**/assist/*-*");
        var person = Guid.Parse(page.Url.Split('/')[^1]);

        // Guiding: the banner says for whom, and the lesson's quiz is the citizen's.
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        (await page.TextContentAsync(".guiding")).Should().Contain("Đang hướng dẫn:").And.Contain("Lục Văn Páo");
        await page.GotoAsync($"/c/{course.Slug}/{lesson.Slug}");
        (await page.TextContentAsync(".guiding")).Should().Contain("Lục Văn Páo");
        await PhoneBrowser.LookAtAsync(page, "21-assist-lesson");
        await PhoneBrowser.AnswerRightAsync(page, lesson.Quiz!);
        await page.ClickAsync("form.quiz button[type=submit]");
        await page.WaitForSelectorAsync("[data-attempt]");
        await PhoneBrowser.LookAtAsync(page, "21-assist-quiz-result");

        // Ending: the banner goes; the person's page shows the lesson done, learnt with the member.
        await page.ClickAsync(".guiding button");
        await page.WaitForURLAsync("**/assist");
        (await page.Locator(".guiding").CountAsync()).Should().Be(0);
        await page.GotoAsync($"/assist/{person}");
        var shown = await page.TextContentAsync("main");
        shown.Should().Contain($"Đã học xong: {lesson.Title}")
            .And.Contain($"Làm bài kiểm tra: {lesson.Title}").And.Contain($"cùng Người thử {member.Phone[^4..]}");
        await PhoneBrowser.LookAtAsync(page, "21-assist-person");
        (await platform.Grains.GetGrain<BinhDanHocVuSo.Web.Features.Learning.ILearnerGrain>(person).GetCourseProgress(course.Slug))
            .CompletedLessons.Should().Contain(lesson.Slug);
    }
}
