using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Assessments.Scoring;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Survey;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Survey;

/// <summary>
/// Taking the survey: each choice saved as it is made (the page's script posts it), going back keeping the page's
/// answers, knowledge options in each official's own order, and an individual result whose numbers add up.
/// </summary>
public sealed partial class SurveyPagesSpec() : PlatformSpec(settings: Platform.ShippedCourses())
{
    SurveyDefinition Survey => Platform.Survey();

    int FirstKnowledgePage => Survey.Pages.ToList().FindIndex(p => p.Items.OfType<KnowledgeItem>().Any()) + 1;

    /// <summary>What the page's script posts when a choice is made: the form's fields, to <c>?handler=save</c>.</summary>
    static Task<HttpResponseMessage> SaveChoiceAsync(HttpClient official, int page, Dictionary<string, string> fields) =>
        official.SubmitFormAsync($"/survey/page/{page}?handler=save", fields, $"/survey/page/{page}");

    [Fact]
    public async Task A_choice_sent_by_the_pages_script_is_stored_at_once_and_the_survey_still_resumes_on_that_page()
    {
        var official = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Official));
        await official.StartAsync();
        var first = Survey.Pages[0].Items.First(i => i is SelfRatingItem);

        var saved = await SaveChoiceAsync(official, 1, new() { [QuestionsModel.FieldOf(first)] = "2", ["shown"] = "0" });

        saved.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await saved.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("answered").GetInt32().Should().Be(1);
        (await official.GetStringAsync("/survey/page/1")).Should().Contain($"name=\"{QuestionsModel.FieldOf(first)}\" value=\"2\" checked=\"checked\"");
        (await official.GetStringAsync("/survey")).Should().Contain("href=\"/survey/page/1\"", "one choice does not finish the page");
    }

    [Fact]
    public async Task A_choice_posted_without_the_anti_forgery_token_is_refused_and_not_stored()
    {
        var official = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Official));
        await official.StartAsync();
        var first = Survey.Pages[0].Items.First(i => i is SelfRatingItem);

        var refused = await official.PostAsync("/survey/page/1?handler=save",
            new FormUrlEncodedContent(new Dictionary<string, string> { [QuestionsModel.FieldOf(first)] = "2" }));

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await official.GetStringAsync("/survey/page/1")).Should().NotContain("checked=\"checked\"");
    }

    [Fact]
    public async Task After_submitting_a_late_choice_is_refused_with_a_reason()
    {
        var official = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Official));
        await official.StartAsync();
        var token = TokenOf(await official.GetStringAsync("/survey/page/1")); // a page left open on the phone
        (await official.SubmitFormAsync("/survey/review", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var late = await official.PostAsync("/survey/page/1?handler=save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [QuestionsModel.FieldOf(Survey.Pages[0].Items.First(i => i is SelfRatingItem))] = "3", ["__RequestVerificationToken"] = token,
        }));

        late.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await late.Content.ReadAsStringAsync()).Should().Contain("đã nộp bài");
    }

    [Fact]
    public async Task Going_back_keeps_the_pages_answers_and_the_survey_resumes_on_the_page_left_unfinished()
    {
        var official = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Official));
        await official.StartAsync();
        await official.AnswerPageAsync(Platform, 1, code: 1);
        var item = Survey.Pages[1].Items.First(i => i is SelfRatingItem);

        var back = await official.SubmitFormAsync("/survey/page/2", new() { [QuestionsModel.FieldOf(item)] = "3", ["go"] = "previous" });

        back.Headers.Location!.OriginalString.Should().Be("/survey/page/1");
        (await official.GetStringAsync("/survey/page/2")).Should().Contain($"name=\"{QuestionsModel.FieldOf(item)}\" value=\"3\" checked=\"checked\"");
        (await official.GetStringAsync("/survey")).Should().Contain("href=\"/survey/page/2\"");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex Token();

    static string TokenOf(string page) => Token().Match(page).Groups[1].Value;

    /// <summary>Each knowledge question's option ids in the order a page shows them, and their texts.</summary>
    static Dictionary<string, List<(string Id, string Text)>> ShownOptions(string page, SurveyPage definition) =>
        definition.Items.OfType<KnowledgeItem>().ToDictionary(q => q.Id, q => Regex
            .Matches(page, $"<input type=\"radio\" name=\"{Regex.Escape(QuestionsModel.FieldOf(q))}\" value=\"([^\"]+)\"[^>]*> ([^<]*)</label>")
            .Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value).Trim()))
            .ToList());

    static string Orders(Dictionary<string, List<(string Id, string Text)>> shown) =>
        string.Join(" | ", shown.Select(q => string.Join(",", q.Value.Select(o => o.Id))));

    /// <summary>The option order of every knowledge question of the survey, as an official's pages show them.</summary>
    async Task<string> OrdersSeenBy(HttpClient official)
    {
        var orders = new List<string>();
        for (var number = 1; number <= Survey.Pages.Count; number++)
        {
            if (Survey.Pages[number - 1].Items.OfType<KnowledgeItem>().Any())
            {
                var shown = ShownOptions(await official.GetStringAsync($"/survey/page/{number}"), Survey.Pages[number - 1]);
                shown.Values.Should().OnlyContain(options => options.Count >= 3, "each question shows all its options");
                orders.Add(Orders(shown));
            }
        }
        return string.Join(" / ", orders);
    }

    [Fact]
    public async Task Two_officials_see_knowledge_options_in_different_orders_and_each_the_same_order_on_reload()
    {
        var first = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Official));
        var second = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Official));
        await first.StartAsync();
        await second.StartAsync();

        var firstSees = await OrdersSeenBy(first);
        var firstAgain = await OrdersSeenBy(first);
        var secondSees = await OrdersSeenBy(second);

        firstAgain.Should().Be(firstSees);
        // Over the whole survey: one question's orders may match by chance (1 in 24), all of them practically never.
        secondSees.Should().NotBe(firstSees);
    }

    [Fact]
    public async Task An_answer_picked_by_its_text_in_the_shuffled_order_is_stored_and_scored_as_the_authors_right_option()
    {
        var person = await Platform.CreateAsync(Roles.Official);
        var official = await Platform.SignedInAs(person);
        await official.StartAsync();
        var page = FirstKnowledgePage;
        var definition = Survey.Pages[page - 1];
        var shown = ShownOptions(await official.GetStringAsync($"/survey/page/{page}"), definition);

        // The official reads the options and taps the right one wherever it is on their screen.
        var fields = definition.Items.OfType<KnowledgeItem>().ToDictionary(
            q => QuestionsModel.FieldOf(q),
            q => shown[q.Id].Single(o => o.Text == q.Options.Single(a => a.IsCorrect).Text).Id);
        fields["go"] = "next";
        (await official.SubmitFormAsync($"/survey/page/{page}", fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var response = await Platform.Grains.SurveyResponse(person.Id, Survey.Id, Survey.Version).Get();
        var scores = RespondentScorer.Score(Survey, response.ToRespondentAnswers(person.Id.ToString()));
        foreach (var question in definition.Items.OfType<KnowledgeItem>())
        {
            response.Answers[question.Id].OptionId.Should().Be(question.CorrectOptionId);
            RespondentScorer.IsCorrect(question, response.ToRespondentAnswers("r")).Should().BeTrue();
        }
        var tested = definition.Items.OfType<KnowledgeItem>().Select(q => q.CompetenceId).Distinct();
        foreach (var competence in tested.Where(c => scores.Competences.Any(s => s.CompetenceId == c)))
        {
            scores.Competence(competence).KnowledgeScore.Should().BeGreaterThan(0, $"the right answer for {competence} counts wherever it was shown");
        }
    }

    [GeneratedRegex("<strong>bậc (\\d) \\(mức “[^”]+”\\)</strong>\\s*<span>· mục tiêu bậc (\\d)</span>\\s*<span class=\"(?:overdue|done)\"> · (?:còn thiếu (\\d) bậc|(đạt mục tiêu))</span>")]
    private static partial Regex LevelLine();

    [Fact]
    public async Task The_result_shows_each_competences_level_target_and_gap_in_whole_levels_that_add_up()
    {
        // Code 1 ("with guidance") everywhere: levels between whole numbers, e.g. L = 1.37 for a target of 3.
        var person = await Platform.SubmittedRespondentAsync(code: 1);
        var official = await Platform.SignedInAs(person);

        var result = WebUtility.HtmlDecode(await official.GetStringAsync("/survey/result"));

        var lines = LevelLine().Matches(result);
        lines.Should().HaveCount(ScoringPlan.Of(Survey).Competences.Count, "every scored competence has a line with its level and target");
        foreach (Match line in lines)
        {
            var (level, target) = (int.Parse(line.Groups[1].Value), int.Parse(line.Groups[2].Value));
            if (line.Groups[4].Success)
            {
                level.Should().BeGreaterThanOrEqualTo(target, line.Value);
            }
            else
            {
                (level + int.Parse(line.Groups[3].Value)).Should().Be(target, line.Value);
            }
        }
        lines.Should().Contain(l => l.Groups[3].Success);
        result.Should().NotContain("Chưa đạt</strong> bậc", "“chưa đạt bậc 0” reads as below level 0");
    }

    [Fact]
    public async Task A_position_whose_target_is_above_what_the_courses_reach_is_offered_the_nearest_course_and_never_told_none_fits()
    {
        var offers = Platform.Services.GetRequiredService<ICourseCatalogSource>().Current.Courses.Select(CourseOffer.From).ToList();
        var developed = offers.SelectMany(o => o.Competences).ToHashSet();
        // A position whose lowest answers lead to a need a course develops but none reaches (e.g. a one-stop officer's 2.3).
        var (role, unreached) = Survey.Roles
            .Select(r => (Role: r.Id, Recommended: GroupRecommender.Recommend(Survey, [LowestScores(r.Id)], offers).Priorities))
            .Select(r => (r.Role, Need: r.Recommended.FirstOrDefault(p => p.Course is null && developed.Contains(p.Need.CompetenceId))))
            .FirstOrDefault(r => r.Need is not null);
        role.Should().NotBeNull("the shipped targets of some position go above the levels the shipped courses reach");
        var person = await Platform.SubmittedRespondentAsync(role: role!, code: 0);
        var official = await Platform.SignedInAs(person);
        var names = Platform.Services.GetRequiredService<SurveySource>();

        var result = WebUtility.HtmlDecode(await official.GetStringAsync("/survey/result"));

        Regex.Matches(result, "Khoá gần nhất hiện có cho năng lực ([^<]*)").Select(m => m.Groups[1].Value)
            .Should().Contain(note => note.Contains(names.NameOf(unreached!.Need.CompetenceId)), "the course is offered, its shortfall noted");
        var none = Regex.Match(result, "Chưa có khoá học nào về: ([^<]*)</p>").Groups[1].Value;
        foreach (var competence in developed)
        {
            none.Should().NotContain(names.NameOf(competence), "a shipped course develops it");
        }
    }

    RespondentScores LowestScores(string roleId) => RespondentScorer.Score(Survey, new RespondentAnswers(
        "r", new RespondentBackground(People.Commune, roleId, Survey.Background.First(q => q.Kind == BackgroundKind.Choice).Options[0].Id),
        Survey.Items.Where(i => i is not KnowledgeItem).ToDictionary(i => i.Id, _ => 0),
        Survey.Items.OfType<KnowledgeItem>().ToDictionary(i => i.Id, i => i.Options.Single(o => o.IsDontKnow).Id)));
}
