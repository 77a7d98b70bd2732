namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary><c>/survey</c>: the introduction and background questions; starts the survey or resumes it.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class IndexModel(SurveySource surveys, IGrainFactory grains, CommuneDirectory communes) : SurveyPageModel(surveys, grains)
{
    public string? Error { get; private set; }

    public string? CommuneId => User.FindFirst(AppClaimsFactory.Commune)?.Value;

    public string CommuneName => CommuneId is { } id ? communes.NameOf(id) : "";

    public BackgroundQuestion? Question(BackgroundKind kind) => Survey.Background.FirstOrDefault(q => q.Kind == kind);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? role, string? ageBand)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        try
        {
            Progress = await Grain.Start(new SurveyBackground(CommuneId ?? "", role ?? "", ageBand ?? ""));
            return Redirect(ResumeUrl);
        }
        catch (SurveyException e)
        {
            Error = e.Message;
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
