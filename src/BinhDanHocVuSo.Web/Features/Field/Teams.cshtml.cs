namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// <c>/teams</c>: the community digital-technology teams the caller reaches (an administrator every team, a commune's
/// leader their commune's, a team member their own), and the form that creates one (administrator or leader).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TeamsModel(AppDbContext db, FieldAccess access, CommuneDirectory communes, VietnamClock clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public FieldReach Reach { get; private set; } = FieldReach.None;
    public IReadOnlyList<TeamRow> Teams { get; private set; } = [];
    public CommuneDirectory Communes => communes;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Reach = await access.ReachAsync(HttpContext, cancellationToken);
        if (!Reach.Any)
        {
            return Forbid();
        }
        await ReadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? commune, CancellationToken cancellationToken)
    {
        Reach = await access.ReachAsync(HttpContext, cancellationToken);
        commune = Reach.Province ? commune : Reach.LedCommune;
        if (commune is null || communes.Find(commune) is null || !Reach.Manages(commune))
        {
            return Reach.Any ? await FailAsync(text.Field("TeamBadCommune"), cancellationToken) : Forbid();
        }
        name = name?.Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (string.IsNullOrEmpty(name) || name.Length > Limits.Title || name.Any(char.IsControl))
        {
            return await FailAsync(text.Field("TeamBadName", Limits.Title), cancellationToken);
        }
        var team = new TeamRow { Id = Guid.NewGuid(), Commune = commune, Name = name, CreatedAt = clock.UtcNow, CreatedBy = LearnerIdentity.SignedIn(HttpContext)!.Value };
        db.Teams().Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/teams/{team.Id}");
    }

    async Task<IActionResult> FailAsync(string error, CancellationToken cancellationToken)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await ReadAsync(cancellationToken);
        return Page();
    }

    async Task ReadAsync(CancellationToken cancellationToken)
    {
        var reach = Reach;
        Teams = await db.Teams().AsNoTracking()
            .Where(t => reach.Province || t.Commune == reach.LedCommune || reach.Teams.Contains(t.Id))
            .OrderBy(t => t.Commune).ThenBy(t => t.Name).ToListAsync(cancellationToken);
    }
}
