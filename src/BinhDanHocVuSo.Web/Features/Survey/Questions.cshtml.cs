namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>
/// <c>/survey/page/{n}</c>: one competence area per page, a radio group per item. With JavaScript each choice is saved as
/// it is made (<see cref="OnPostSaveAsync"/>); without it, "Lưu và tiếp tục" and "Trang trước" both save the page's
/// answers before moving, so nothing is lost when the official goes back, the phone goes offline or they stop for the day.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class QuestionsModel(SurveySource surveys, IGrainFactory grains, TimeProvider clock) : SurveyPageModel(surveys, grains)
{
    [FromRoute(Name = "n")] public int Number { get; set; }

    public SurveyPage Current => Survey.Pages[Number - 1];

    public string? Error { get; private set; }

    /// <summary>When the page was shown or last saved (Unix milliseconds), sent back with the answers to time them.</summary>
    public long ShownAt => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public int? ChosenCode(SurveyItem item) => Progress.Answers.GetValueOrDefault(item.Id)?.Code;

    public string? ChosenOption(SurveyItem item) => Progress.Answers.GetValueOrDefault(item.Id)?.OptionId;

    /// <summary>The question's options in this official's own order (see <see cref="KnowledgeItem.OptionsInDisplayOrder"/>: shuffled by the response id, which never leaves the server).</summary>
    public IReadOnlyList<KnowledgeOption> OptionsOf(KnowledgeItem question) => question.OptionsInDisplayOrder(Progress.ResponseId!.Value.ToString("N"));

    public async Task<IActionResult> OnGetAsync() => await Guard() ?? Page();

    /// <summary>"Lưu và tiếp tục" (<c>go=next</c>) or "Trang trước" (<c>go=previous</c>): saves the page's answers, then moves.</summary>
    public async Task<IActionResult> OnPostAsync(string? go, long? shown)
    {
        if (await Guard() is { } refused)
        {
            return refused;
        }
        var back = go == "previous";
        try
        {
            // Going back does not finish the page: the survey still resumes on it.
            var answers = AnswersPosted(shown);
            Progress = back ? await Grain.SaveChosen(answers) : await Grain.SaveAnswers(answers);
        }
        catch (SurveyException e)
        {
            Error = e.Message;
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect(back ? (Number > 1 ? $"/survey/page/{Number - 1}" : "/survey")
            : Number < Survey.Pages.Count ? $"/survey/page/{Number + 1}" : "/survey/review");
    }

    /// <summary>
    /// <c>?handler=save</c>, posted by the page's script each time a choice is made, with the same form fields: saves the
    /// page's answers so far (the page is not finished) and answers with JSON once they are stored, never a redirect.
    /// </summary>
    public async Task<IActionResult> OnPostSaveAsync(long? shown)
    {
        if (!await LoadAsync() || Number < 1 || Number > Survey.Pages.Count)
        {
            return NotFound();
        }
        try
        {
            Progress = await Grain.SaveChosen(AnswersPosted(shown));
        }
        catch (SurveyException e)
        {
            return BadRequest(new { error = e.Message });
        }
        return new JsonResult(new { answered = AnsweredCount, shown = ShownAt });
    }

    public static string FieldOf(SurveyItem item) => "a-" + item.Id;

    /// <summary>The page's answers in the posted form: codes of statements, option ids of knowledge questions.</summary>
    SurveyPageAnswers AnswersPosted(long? shown)
    {
        var ratings = new Dictionary<string, int>(StringComparer.Ordinal);
        var choices = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in Current.Items)
        {
            var value = Request.Form[FieldOf(item)].ToString();
            if (value.Length == 0)
            {
                continue;
            }
            if (item is KnowledgeItem)
            {
                choices[item.Id] = value;
            }
            else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                ratings[item.Id] = code;
            }
        }
        double? seconds = shown is { } at ? (clock.GetUtcNow().ToUnixTimeMilliseconds() - at) / 1000.0 : null;
        return new SurveyPageAnswers(Number, ratings, choices, seconds is >= 0 and < 86_400 ? seconds : null);
    }

    async Task<IActionResult?> Guard()
    {
        if (!await LoadAsync() || Number < 1 || Number > Survey.Pages.Count)
        {
            return NotFound();
        }
        return Progress.Submitted ? Redirect("/survey/result") : !Progress.Started ? Redirect("/survey") : null;
    }
}
