namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>
/// <c>/survey/page/{n}</c>: one competence area per page, a radio group per item. "Lưu và tiếp tục" saves the page's
/// answers before moving on, so nothing is lost when the phone goes offline or the official stops for the day.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class QuestionsModel(SurveySource surveys, IGrainFactory grains, TimeProvider clock) : SurveyPageModel(surveys, grains)
{
    [FromRoute(Name = "n")] public int Number { get; set; }

    public SurveyPage Current => Survey.Pages[Number - 1];

    public string? Error { get; private set; }

    /// <summary>When the page was shown (Unix milliseconds), sent back with the answers to time them.</summary>
    public long ShownAt => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public int? ChosenCode(SurveyItem item) => Progress.Answers.GetValueOrDefault(item.Id)?.Code;

    public string? ChosenOption(SurveyItem item) => Progress.Answers.GetValueOrDefault(item.Id)?.OptionId;

    public async Task<IActionResult> OnGetAsync() => await Guard() ?? Page();

    public async Task<IActionResult> OnPostAsync(string? go, long? shown)
    {
        if (await Guard() is { } refused)
        {
            return refused;
        }
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
        try
        {
            Progress = await Grain.SaveAnswers(new SurveyPageAnswers(Number, ratings, choices, seconds is >= 0 and < 86_400 ? seconds : null));
        }
        catch (SurveyException e)
        {
            Error = e.Message;
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect(go == "previous" ? (Number > 1 ? $"/survey/page/{Number - 1}" : "/survey")
            : Number < Survey.Pages.Count ? $"/survey/page/{Number + 1}" : "/survey/review");
    }

    public static string FieldOf(SurveyItem item) => "a-" + item.Id;

    async Task<IActionResult?> Guard()
    {
        if (!await LoadAsync() || Number < 1 || Number > Survey.Pages.Count)
        {
            return NotFound();
        }
        return Progress.Submitted ? Redirect("/survey/result") : !Progress.Started ? Redirect("/survey") : null;
    }
}
