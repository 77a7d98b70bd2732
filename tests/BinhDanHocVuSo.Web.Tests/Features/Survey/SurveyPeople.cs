using System.Net;
using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Survey;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Survey;

/// <summary>Officials answering the survey, through the pages as a browser does or straight through the grain.</summary>
static class SurveyPeople
{
    public static SurveyDefinition Survey(this Platform platform) => platform.Services.GetRequiredService<SurveySource>().Current!;

    /// <summary>Every item of a page answered: statements with <paramref name="code"/>, knowledge questions with "Tôi không biết".</summary>
    public static Dictionary<string, string> PageAnswers(SurveyPage page, int code) => page.Items.ToDictionary(
        item => QuestionsModel.FieldOf(item),
        item => item is KnowledgeItem question ? question.Options.Single(o => o.IsDontKnow).Id : code.ToString());

    public static async Task StartAsync(this HttpClient official, string role = "office", string ageBand = "40-49")
    {
        var started = await official.SubmitFormAsync("/survey", new() { ["role"] = role, ["ageBand"] = ageBand });
        started.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    public static async Task<HttpResponseMessage> AnswerPageAsync(this HttpClient official, Platform platform, int number, int code)
    {
        var fields = PageAnswers(platform.Survey().Pages[number - 1], code);
        fields["go"] = "next";
        return await official.SubmitFormAsync($"/survey/page/{number}", fields);
    }

    /// <summary>
    /// An official of <paramref name="commune"/> who answered every item of a version (the current one unless given) and
    /// submitted, seeded through the grain: statements with <paramref name="code"/>, the attention check as it asks unless
    /// <paramref name="attentive"/> is false (then with <paramref name="code"/> too, and the response is flagged).
    /// </summary>
    public static async Task<People.Person> SubmittedRespondentAsync(this Platform platform, string commune = People.Commune, string role = "office", int code = 0,
        SurveyDefinition? version = null, bool attentive = true)
    {
        var person = await platform.CreateAsync(Roles.Official, commune);
        var survey = version ?? platform.Survey();
        var grain = platform.Grains.SurveyResponse(person.Id, survey.Id, survey.Version);
        await grain.Start(new SurveyBackground(commune, role, "40-49"));
        for (var i = 0; i < survey.Pages.Count; i++)
        {
            var items = survey.Pages[i].Items;
            await grain.SaveAnswers(new SurveyPageAnswers(
                i + 1,
                items.Where(item => item is not KnowledgeItem)
                    .ToDictionary(item => item.Id, item => attentive && item is AttentionCheckItem check ? check.ExpectedCode : code),
                items.OfType<KnowledgeItem>().ToDictionary(item => item.Id, item => item.Options.Single(o => o.IsDontKnow).Id),
                SecondsOnPage: 60));
        }
        await grain.Submit();
        return person;
    }
}
