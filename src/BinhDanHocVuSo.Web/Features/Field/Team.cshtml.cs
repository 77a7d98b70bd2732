namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// <c>/teams/{id}</c>: a team's villages and members. Its members read it; an administrator or the commune's leader
/// renames it, chooses the villages it covers (the commune's) and adds or removes members (trainers who work in the
/// commune, found by phone number).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TeamModel(AppDbContext db, FieldAccess access, CommuneDirectory communes, IStringLocalizer<SharedResource> text) : PageModel
{
    public TeamRow Team { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public string CommuneName => communes.NameOf(Team.Commune);
    public IReadOnlyList<VillageRow> Villages { get; private set; } = [];
    public IReadOnlySet<string> Covered { get; private set; } = new HashSet<string>();
    public IReadOnlyList<(Guid Id, string Name, string Phone)> Members { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, edit: false, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, string? name, string[]? villages, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, edit: true, cancellationToken) is { } refused)
        {
            return refused;
        }
        name = name?.Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (string.IsNullOrEmpty(name) || name.Length > Limits.Title || name.Any(char.IsControl))
        {
            return Fail(text.Field("TeamBadName", Limits.Title));
        }
        var chosen = (villages ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Any(v => Villages.All(known => known.Id != v)))
        {
            return Fail(text.Field("TeamBadVillage"));
        }
        var row = await db.Teams().SingleAsync(t => t.Id == id, cancellationToken);
        row.Name = name;
        db.TeamVillages().RemoveRange(await db.TeamVillages().Where(t => t.TeamId == id).ToListAsync(cancellationToken));
        db.TeamVillages().AddRange(chosen.Select(v => new TeamVillageRow { TeamId = id, VillageId = v }));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/teams/{id}");
    }

    public async Task<IActionResult> OnPostAddMemberAsync(Guid id, string? phone, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, edit: true, cancellationToken) is { } refused)
        {
            return refused;
        }
        var number = PhoneNumber.Normalize(phone);
        var trainerRole = db.Roles.Where(r => r.Name == Roles.Trainer).Select(r => r.Id);
        var trainer = number is null ? null : await db.Users.AsNoTracking()
            .Where(u => u.UserName == number && db.UserRoles.Any(ur => ur.UserId == u.Id && trainerRole.Contains(ur.RoleId)))
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        // The same answer for an unknown number, a non-trainer and a trainer of another commune: the page tells nothing else.
        if (trainer is not { } member || !(await db.AssignedCommunesAsync(member, cancellationToken)).Contains(Team.Commune))
        {
            return Fail(text.Field("TeamBadMember"));
        }
        if (!await db.TeamMembers().AnyAsync(m => m.TeamId == id && m.TrainerId == member, cancellationToken))
        {
            db.TeamMembers().Add(new TeamMemberRow { TeamId = id, TrainerId = member });
            await db.SaveChangesAsync(cancellationToken);
        }
        return Redirect($"/teams/{id}");
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(Guid id, Guid member, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, edit: true, cancellationToken) is { } refused)
        {
            return refused;
        }
        await db.TeamMembers().Where(m => m.TeamId == id && m.TrainerId == member).ExecuteDeleteAsync(cancellationToken);
        return Redirect($"/teams/{id}");
    }

    /// <summary>Reads the team; null when the caller may go on, else the refusal (404 for a team out of reach).</summary>
    async Task<IActionResult?> LoadAsync(Guid id, bool edit, CancellationToken cancellationToken)
    {
        var reach = await access.ReachAsync(HttpContext, cancellationToken);
        var team = await db.Teams().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null || !reach.ReadsTeam(team))
        {
            return reach.Any ? NotFound() : Forbid();
        }
        Team = team;
        CanEdit = reach.Manages(team.Commune);
        if (edit && !CanEdit)
        {
            return Forbid();
        }
        Villages = await db.Villages().AsNoTracking().Where(v => v.Commune == team.Commune).OrderBy(v => v.Name).ToListAsync(cancellationToken);
        Covered = (await db.TeamVillages().Where(t => t.TeamId == id).Select(t => t.VillageId).ToListAsync(cancellationToken)).ToHashSet();
        Members = [.. (await db.TeamMembers().Where(m => m.TeamId == id)
            .Join(db.Users, m => m.TrainerId, u => u.Id, (m, u) => new { u.Id, u.FullName, u.UserName })
            .OrderBy(u => u.FullName).ToListAsync(cancellationToken)).Select(u => (u.Id, u.FullName, u.UserName ?? ""))];
        return null;
    }

    PageResult Fail(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
