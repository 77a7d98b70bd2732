namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>The groups a trainer runs (an admin: all groups), and creating a new one in a commune assigned to the trainer.</summary>
[Authorize(Policy = Policies.Trainer)]
public sealed class IndexModel(AppDbContext db, CommuneDirectory communes, GroupRoster roster) : PageModel
{
    public CommuneDirectory Communes => communes;
    public IReadOnlyList<GroupLine> Groups { get; private set; } = [];
    public string? MyCommune => User.FindFirst(AppClaimsFactory.Commune)?.Value;
    public string? Error { get; private set; }

    /// <summary>The provinces with the communes the caller may create a group in.</summary>
    public IReadOnlyList<Province> Choices { get; private set; } = [];

    public sealed record GroupLine(Guid Id, string Name, string Commune, int Members, bool Archived);

    public async Task OnGetAsync()
    {
        Groups = [.. (await db.Visible(HttpContext)
            .Select(g => new GroupLine(g.Id, g.Name, g.Commune, db.GroupMembers.Count(m => m.GroupId == g.Id), g.ArchivedAt != null))
            .ToListAsync()).OrderBy(g => g.Archived).ThenByName(g => g.Name)];
        var scope = await db.OfCallerAsync(HttpContext);
        Choices = [.. communes.Provinces
            .Select(p => p with { Communes = [.. p.Communes.Where(c => scope.Covers(c.Id))] })
            .Where(p => p.Communes.Count > 0)];
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? commune)
    {
        var (group, problem) = await roster.CreateAsync(HttpContext, name, commune);
        if (group is not null)
        {
            return Redirect($"/groups/{group.Id}");
        }
        Error = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await OnGetAsync();
        return Page();
    }
}
