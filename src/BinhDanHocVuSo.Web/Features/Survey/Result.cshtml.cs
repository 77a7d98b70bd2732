namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>
/// <c>/survey/result</c>: the official's own result, scored with the version they answered: level per competence and
/// domain, gaps against their role's target, and courses to start at once.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class ResultModel(SurveySource surveys, IGrainFactory grains, ICourseCatalogSource catalog, SurveyStore store)
    : SurveyPageModel(surveys, grains)
{
    public RespondentScores? Scores { get; private set; }

    public IReadOnlyList<(Recommendation Recommendation, Course Course)> Courses { get; private set; } = [];

    public IReadOnlyList<string> ContentGaps { get; private set; } = [];

    public string NameOf(string id) => Surveys.NameOf(id);

    public string RoleName => Survey.Roles.FirstOrDefault(r => r.Id == Progress.Background?.RoleId)?.Name ?? "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (!Progress.Submitted)
        {
            return Page();
        }
        // The scores kept at submission; counted from the answers only when none fit the definition served now.
        var background = Progress.Background!;
        Scores = await store.KeptScoresAsync(Progress.ResponseId!.Value, Surveys.LayoutOf(Survey), HttpContext.RequestAborted) is { } kept
            ? new TallyScorer(Survey).Score(Me.ToString(), new RespondentBackground(background.CommuneId, background.RoleId, background.AgeBandId), kept.Tally, kept.Flags)
            : RespondentScorer.Score(Survey, Progress.ToRespondentAnswers(Me.ToString()));
        // One person is a group of one: below target means p = 1, so the group rules pick their largest gaps and fitting courses.
        var recommendations = GroupRecommender.Recommend(Survey, [Scores], [.. catalog.Current.Courses.Select(CourseOffer.From)]);
        Courses = [.. recommendations.Priorities
            .Where(r => r.Course is not null && catalog.Current.Find(r.Course.Slug) is not null)
            .Select(r => (r, catalog.Current.Find(r.Course!.Slug)!))];
        ContentGaps = [.. recommendations.ContentGaps.Select(n => n.CompetenceId)];
        return Page();
    }
}
