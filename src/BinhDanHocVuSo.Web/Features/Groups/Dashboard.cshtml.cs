namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>
/// A group's dashboard for its trainers: members × assigned courses, completion, scores, who needs a visit, which
/// questions to explain again (read by <see cref="GroupDashboards"/>); and the actions that shape the group, each
/// one call to <see cref="GroupRoster"/>, the groups' only writer.
/// </summary>
[Authorize(Policy = Policies.Trainer)]
public sealed class DashboardModel(GroupDashboards dashboards, GroupRoster roster, PublicAddress address, AppDbContext db, IStringLocalizer<GroupText> text) : PageModel
{
    const int PageSize = 50;

    public GroupDashboard Dashboard { get; private set; } = null!;
    public string JoinUrl => address.For(Request, $"/join/{Dashboard.Group.JoinCode}");
    public string? Message { get; private set; }

    /// <summary>
    /// Whether the caller is one of the group's trainers, who call its members: only they see the members' phone
    /// numbers (an admin looking at someone else's group does not).
    /// </summary>
    public bool ShowsPhones { get; private set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public bool Print { get; set; }
    public int PageCount => Math.Max(1, (Dashboard.Members.Count + PageSize - 1) / PageSize);
    public IEnumerable<MemberLine> PageOfMembers => Print ? Dashboard.Members : Dashboard.Members.Skip((PageNumber - 1) * PageSize).Take(PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format) =>
        await LoadAsync(id) ? await GroupExport.FileAsync(Dashboard, format, text) : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(Guid id, string? course, DateOnly? due) => await Answer(id, await roster.AssignAsync(HttpContext, id, course, due));

    public async Task<IActionResult> OnPostUnassignAsync(Guid id, string? course) => await Answer(id, await roster.UnassignAsync(HttpContext, id, course));

    public async Task<IActionResult> OnPostAddTrainerAsync(Guid id, string? phone) => await Answer(id, await roster.AddTrainerAsync(HttpContext, id, phone));

    public async Task<IActionResult> OnPostRenameAsync(Guid id, string? name) => await Answer(id, await roster.RenameAsync(HttpContext, id, name));

    public async Task<IActionResult> OnPostArchiveAsync(Guid id) => await Answer(id, await roster.ToggleArchivedAsync(HttpContext, id));

    /// <summary>Invites by phone number; the answer is the same whether or not the number has an account (see <see cref="GroupRoster.InviteAsync"/>).</summary>
    public async Task<IActionResult> OnPostAddMemberAsync(Guid id, string? phone)
    {
        var change = await roster.InviteAsync(HttpContext, id, phone);
        if (!change.Found || change.Problem is not null)
        {
            return await Answer(id, change);
        }
        await LoadAsync(id);
        Message = text["Invited", PhoneNumber.Display(PhoneNumber.Normalize(phone)!), JoinUrl];
        return Page();
    }

    /// <summary>A change done goes back to the dashboard; a refused one shows its reason there.</summary>
    async Task<IActionResult> Answer(Guid id, GroupChange change)
    {
        if (change.Found && change.Problem is null)
        {
            return Redirect($"/groups/{id}");
        }
        if (!change.Found || !await LoadAsync(id))
        {
            return NotFound();
        }
        Message = change.Problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    async Task<bool> LoadAsync(Guid id)
    {
        if (await dashboards.LoadAsync(HttpContext, id) is not { } dashboard)
        {
            return false;
        }
        Dashboard = dashboard;
        var me = LearnerIdentity.SignedIn(HttpContext);
        ShowsPhones = me is { } trainer && await db.GroupTrainers.AnyAsync(t => t.GroupId == id && t.TrainerId == trainer);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        return true;
    }
}
