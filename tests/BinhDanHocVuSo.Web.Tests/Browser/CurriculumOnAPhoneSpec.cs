namespace BinhDanHocVuSo.Web.Tests.Browser;

/// <summary>The new courses as their learners meet them, in real headless Chromium at 360×640.</summary>
public sealed class CurriculumOnAPhoneSpec(PhoneBrowser site) : IClassFixture<PhoneBrowser>
{
    [Theory]
    [InlineData("vneid-tien-ich", "Khoá học cho người dân")]
    [InlineData("du-lieu-ca-nhan", "Khoá học cho cán bộ xã")]
    public async Task A_learner_finds_a_new_course_in_its_section_and_walks_it_through_every_lesson_quiz_to_the_final_quiz(string slug, string section)
    {
        var course = site.Catalog.Find(slug)!;
        await using var phone = await site.NewPhoneAsync();
        var page = await phone.NewPageAsync();

        await page.GotoAsync("/");
        (await page.TextContentAsync("main")).Should().Contain(section);
        await page.ClickAsync($"a.card[href='/c/{slug}']");
        await page.WaitForURLAsync($"**/c/{slug}");
        (await page.TextContentAsync("main")).Should().Contain("Nguồn", "a course shows where its facts come from");

        foreach (var lesson in course.Lessons)
        {
            await page.GotoAsync($"/c/{slug}/{lesson.Slug}");
            (await page.TextContentAsync("h1")).Should().Be(lesson.Title);
            // A lesson with a simulation or a scam drill counts as learnt only once its practice is passed.
            await PhoneBrowser.PassPracticesAsync(page, course, lesson);
            await PhoneBrowser.AnswerRightAsync(page, lesson.Quiz!);
            await page.ClickAsync("form.quiz button[type=submit]");
            await page.WaitForSelectorAsync("[data-attempt]");
            (await page.TextContentAsync("main")).Should().Contain($"Bạn trả lời đúng {lesson.Quiz!.ShownCount}/{lesson.Quiz.ShownCount} câu", lesson.Slug);
        }

        await PhoneBrowser.LookAtAsync(page, $"20-{slug}-last-lesson-result");
        await page.GotoAsync($"/c/{slug}");
        await PhoneBrowser.AnswerRightAsync(page, course.FinalQuiz!);
        await page.ClickAsync("form.quiz button[type=submit]");
        await page.WaitForSelectorAsync("[data-attempt]");
        (await page.TextContentAsync("main")).Should().Contain("Chúc mừng! Bạn đã hoàn thành khoá học.");
        await PhoneBrowser.LookAtAsync(page, $"21-{slug}-completed");
    }
}
