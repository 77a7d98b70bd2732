namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>
/// <c>/survey/result</c>: the official's own result, scored with the version they answered: level per competence and
/// domain, gaps against their role's target (in whole levels, as shown), and courses to start at once.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class ResultModel(SurveySource surveys, IGrainFactory grains, ICourseCatalogSource catalog, SurveyStore store)
    : SurveyPageModel(surveys, grains)
{
    public RespondentScores? Scores { get; private set; }

    /// <summary>Courses for the official's largest needs, and those needs no course develops.</summary>
    public PersonalPlan Plan { get; private set; } = new([], []);

    /// <summary>Whether the official has needs at all (below target by enough to recommend).</summary>
    public bool HasNeeds { get; private set; }

    public Course CourseOf(CourseAdvice advice) => catalog.Current.Find(advice.Course.Slug)!;

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
        // One person is a group of one: below target means p = 1, so the group rules rank their gaps and pick fitting courses.
        // A group report keeps its top K; an official's own page answers every competence below target, largest first,
        // so no need the page diagnoses is left without the course the catalogue has for it.
        CourseOffer[] offers = [.. catalog.Current.Courses.Select(CourseOffer.From)];
        var recommendations = PersonalCourses.Recommend(Survey, Scores, offers);
        HasNeeds = recommendations.Priorities.Count > 0;
        Plan = PersonalCourses.Plan(recommendations, offers);
        return Page();
    }
}
