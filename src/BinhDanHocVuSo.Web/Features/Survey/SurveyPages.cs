namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>What the official's survey pages share: the current survey version and the signed-in official's response grain.</summary>
public abstract class SurveyPageModel(SurveySource surveys, IGrainFactory grains) : PageModel
{
    public SurveyDefinition Survey => surveys.Current!;

    public SurveyResponse Progress { get; protected set; } = null!;

    protected SurveySource Surveys => surveys;

    protected Guid Me => LearnerIdentity.SignedIn(HttpContext)!.Value;

    protected ISurveyResponseGrain Grain => grains.SurveyResponse(Me, Survey.Id, Survey.Version);

    /// <summary>Loads the response; false when no survey definition is served.</summary>
    protected async Task<bool> LoadAsync()
    {
        if (surveys.Current is null)
        {
            return false;
        }
        Progress = await Grain.Get();
        return true;
    }

    /// <summary>
    /// The page to continue at: after the last page the official moved on from with "Lưu và tiếp tục" (choices saved one by
    /// one, or going back, do not finish a page), or the review once every page was.
    /// </summary>
    public string ResumeUrl => Progress.LastPage >= Survey.Pages.Count ? "/survey/review" : $"/survey/page/{Progress.LastPage + 1}";

    public int AnsweredCount => Progress.Answers.Count;

    public int ItemCount => Survey.Items.Count();

    /// <summary>The items of a page that have no answer.</summary>
    public IEnumerable<SurveyItem> Unanswered(SurveyPage page) => page.Items.Where(i => !Progress.Answers.ContainsKey(i.Id));
}
