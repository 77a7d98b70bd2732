namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// <c>/assist/new</c>: a team member registers a citizen in two screens, without JavaScript. First the form (how the person
/// is known: their own number, a household member's number, or no phone and a year of birth; their name; their village,
/// one of the member's teams'), then the consent the citizen reads on the screen, which the member confirms by ticking
/// "Người dân đã đọc và đồng ý". The person's id is chosen when the form is first shown and travels with it, so sending
/// it twice registers the person once. <see cref="AssistedPeople"/> checks everything and writes the person.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AssistNewModel(AppDbContext db, FieldAccess access, AssistedPeople people, IStringLocalizer<AssistText> text) : PageModel
{
    [BindProperty] public Guid PersonId { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? HouseholdPhone { get; set; }
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? BirthYear { get; set; }

    /// <summary>The team and the village, as one choice: <c>{team}|{village}</c>.</summary>
    [BindProperty] public string? Place { get; set; }

    [BindProperty] public bool Consent { get; set; }

    /// <summary>Whether the consent screen is shown (else the form).</summary>
    public bool Consenting { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The member's teams with the villages each covers, for the village list.</summary>
    public IReadOnlyList<(TeamRow Team, IReadOnlyList<VillageRow> Villages)> Teams { get; private set; } = [];

    public string VillageName => Teams.SelectMany(t => t.Villages.Select(v => (t.Team, Village: v)))
        .FirstOrDefault(x => $"{x.Team.Id}|{x.Village.Id}" == Place).Village?.Name ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        PersonId = Guid.NewGuid();
        Kind = AssistedKinds.Phone;
        return Page();
    }

    /// <summary>"Tiếp tục": from the form to the consent screen, once the form is right.</summary>
    public async Task<IActionResult> OnPostConsentAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        if (FormProblem() is { } problem)
        {
            return Fail(problem, consenting: false);
        }
        // Without consent nothing is written: the form is checked, and the only refusal left is the missing consent.
        var checkedForm = await RegisterAsync(consent: false, cancellationToken);
        if (checkedForm.Person is { } known)
        {
            return Redirect($"/assist/{known.UserId}");
        }
        if (checkedForm.Field != ConsentField)
        {
            return Fail(checkedForm.Problem ?? text["NotRegistered"], consenting: false);
        }
        Consenting = true;
        return Page();
    }

    /// <summary>"Sửa lại": back from the consent screen to the form, as filled in.</summary>
    public async Task<IActionResult> OnPostEditAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    /// <summary>"Đăng ký": registers the person (once for the same person id), then shows them.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        if (FormProblem() is { } problem)
        {
            return Fail(problem, consenting: false);
        }
        var registered = await RegisterAsync(Consent, cancellationToken);
        if (registered.Person is { } person)
        {
            return Redirect($"/assist/{person.UserId}");
        }
        // Consent missing: the citizen reads the screen again; anything else is the form's.
        return Fail(registered.Problem ?? text["NotRegistered"], consenting: registered.Field == ConsentField);
    }

    const string ConsentField = "consent";

    Task<AssistedRegistration> RegisterAsync(bool consent, CancellationToken cancellationToken)
    {
        var place = Place ?? "";
        var team = Teams.Select(t => t.Team).First(t => place.StartsWith($"{t.Id}|", StringComparison.Ordinal));
        var form = new AssistedPersonForm(Kind, Phone, HouseholdPhone, FullName, ParsedYear, place[(place.IndexOf('|') + 1)..], consent);
        return people.RegisterAsync(PersonId, team, LearnerIdentity.SignedIn(HttpContext)!.Value, form, cancellationToken);
    }

    int? ParsedYear => int.TryParse(BirthYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    /// <summary>What the form lacks before the consent screen: a village of the member's teams (the rest is checked on registering).</summary>
    string? FormProblem() =>
        Teams.Any(t => t.Villages.Any(v => $"{t.Team.Id}|{v.Id}" == Place)) ? null : text["ChooseVillage"].Value;

    async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var teams = (await access.ReachAsync(HttpContext, cancellationToken)).Teams;
        if (teams.Count == 0)
        {
            return Forbid();
        }
        var rows = await db.Teams().AsNoTracking().Where(t => teams.Contains(t.Id)).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var covered = await db.TeamVillages().AsNoTracking().Where(t => teams.Contains(t.TeamId))
            .Join(db.Villages(), t => t.VillageId, v => v.Id, (t, v) => new { t.TeamId, Village = v })
            .ToListAsync(cancellationToken);
        Teams = [.. rows.Select(t => (t, (IReadOnlyList<VillageRow>)[.. covered.Where(c => c.TeamId == t.Id).Select(c => c.Village).OrderBy(v => v.Name)]))];
        return null;
    }

    PageResult Fail(string problem, bool consenting)
    {
        Problem = problem;
        Consenting = consenting;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
