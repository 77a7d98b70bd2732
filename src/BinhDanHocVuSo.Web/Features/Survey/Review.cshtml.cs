namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary><c>/survey/review</c>: the unanswered items, page by page, before "Nộp bài".</summary>
[Authorize(Policy = Policies.Official)]
public sealed class ReviewModel(SurveySource surveys, IGrainFactory grains) : SurveyPageModel(surveys, grains)
{
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await Guard() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await Guard() is { } refused)
        {
            return refused;
        }
        try
        {
            await Grain.Submit();
            return Redirect("/survey/result");
        }
        catch (SurveyException e)
        {
            Error = e.Message;
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    async Task<IActionResult?> Guard()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        return Progress.Submitted ? Redirect("/survey/result") : !Progress.Started ? Redirect("/survey") : null;
    }
}
