using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Survey;
using BinhDanHocVuSo.Web.Tests.Features.Survey;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BinhDanHocVuSo.Web.Tests.Browser;

/// <summary>A commune official taking the competency survey on a cheap phone, with and without JavaScript.</summary>
public sealed class OfficialOnAPhoneSpec(PhoneBrowser site) : IClassFixture<PhoneBrowser>
{
    SurveyDefinition Survey => site.Site.Services.GetRequiredService<SurveySource>().Current!;

    /// <summary>Signs in through the sign-in form and answers the background questions; the phone is then on page 1.</summary>
    async Task<(IPage Page, People.Person Official)> StartSurveyAsync(IBrowserContext phone)
    {
        var official = await site.Platform.CreateAsync(Roles.Official);
        var page = await SignInAsync(phone, official, "/survey");
        await page.CheckAsync($"input[name=role][value='{Survey.Roles[0].Id}']");
        await page.CheckAsync($"input[name=ageBand][value='{Survey.Background.First(q => q.Kind == BackgroundKind.Choice).Options[0].Id}']");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/survey/page/1");
        return (page, official);
    }

    static async Task<IPage> SignInAsync(IBrowserContext phone, People.Person official, string to)
    {
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(to));
        await page.FillAsync("#phone", official.Phone);
        await page.FillAsync("#password", official.Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**" + to);
        return page;
    }

    static string Radio(SurveyItem item, string value) => $"input[name='{QuestionsModel.FieldOf(item)}'][value='{value}']";

    [Fact]
    public async Task With_JavaScript_a_choice_is_saved_as_it_is_made_and_is_there_after_a_reload_without_pressing_anything()
    {
        await using var phone = await site.NewPhoneAsync();
        var (page, official) = await StartSurveyAsync(phone);
        var item = Survey.Pages[0].Items.First(i => i is SelfRatingItem);

        await page.CheckAsync(Radio(item, "2"));
        await page.WaitForSelectorAsync($"fieldset[id='{item.Id}'] .save-state[data-state=saved]");
        (await page.TextContentAsync($"fieldset[id='{item.Id}'] .save-state")).Should().Be("Đã lưu");
        await PhoneBrowser.LookAtAsync(page, "12-survey-answer-saved");
        await page.ReloadAsync();

        (await page.IsCheckedAsync(Radio(item, "2"))).Should().BeTrue("the answer was saved when it was chosen");
        var stored = await site.Site.Services.GetRequiredService<IGrainFactory>().SurveyResponse(official.Id, Survey.Id, Survey.Version).Get();
        stored.Answers[item.Id].Code.Should().Be(2, "the server has it, not only the browser's memory of the form");
        (await page.TextContentAsync("main")).Should().Contain("Mỗi câu trả lời được lưu ngay khi anh/chị chọn.");
    }

    [Fact]
    public async Task Without_JavaScript_going_back_keeps_the_choice_and_coming_forward_shows_it()
    {
        await using var phone = await site.NewPhoneAsync(javaScript: false);
        var (page, _) = await StartSurveyAsync(phone);
        await page.ClickAsync("button[name=go][value=next]");
        await page.WaitForURLAsync("**/survey/page/2");
        var item = Survey.Pages[1].Items.First(i => i is SelfRatingItem);

        await page.CheckAsync(Radio(item, "1"));
        await page.ClickAsync("button[name=go][value=previous]");
        await page.WaitForURLAsync("**/survey/page/1");
        await page.ClickAsync("button[name=go][value=next]");
        await page.WaitForURLAsync("**/survey/page/2");

        (await page.IsCheckedAsync(Radio(item, "1"))).Should().BeTrue("“Trang trước” saved the page before going back");
        (await page.TextContentAsync("main")).Should().Contain("Câu trả lời được lưu khi anh/chị bấm “Lưu và tiếp tục” hoặc “Trang trước”.");
        await PhoneBrowser.LookAtAsync(page, "13-survey-without-javascript");
    }

    [Fact]
    public async Task The_result_reads_on_a_phone_with_levels_targets_gaps_and_courses_to_start()
    {
        var official = await site.Platform.SubmittedRespondentAsync(role: Survey.Roles[0].Id, code: 1);
        await using var phone = await site.NewPhoneAsync();

        var page = await SignInAsync(phone, official, "/survey/result");

        (await page.TextContentAsync("main")).Should().Contain("mục tiêu bậc").And.Contain("còn thiếu").And.Contain("Học ngay")
            .And.NotContain("Chưa có khoá học nào về", "the catalogue has a course for every competence with a target");
        await PhoneBrowser.LookAtAsync(page, "14-survey-result");
    }
}
