namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>A person joins a group with the code (or QR link <c>/join/{code}</c>) the trainer shows or prints.</summary>
[Authorize(Policy = Policies.SignedIn)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(BinhDanHocVuSo.Web.Hosting.AccountsExtensions.JoinLimit)]
public sealed class JoinModel(AppDbContext db, GroupRoster roster) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public GroupRow? Group { get; private set; }
    public bool IsMember { get; private set; }

    /// <summary>Groups whose trainer invited the signed-in person by phone number; they join only by accepting.</summary>
    public IReadOnlyList<GroupRow> Invitations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Group = await roster.FindByCodeAsync(Code);
        IsMember = Group is not null && await db.GroupMembers.AnyAsync(m => m.GroupId == Group.Id && m.LearnerId == Me);
        Invitations = [.. (await db.Groups
            .Where(g => g.ArchivedAt == null && db.GroupInvitations.Any(i => i.GroupId == g.Id && i.LearnerId == Me))
            .ToListAsync()).OrderByName(g => g.Name)];
        if (Group is null && Code is not null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync() =>
        await roster.JoinByCodeAsync(Me, Code) is { } group ? Redirect($"/join/{group.JoinCode}") : NotFound();

    /// <summary>Accepts an invitation: the person becomes a member of the group that invited them.</summary>
    public async Task<IActionResult> OnPostAcceptAsync(Guid group) =>
        await roster.AcceptInvitationAsync(Me, group) is { } invited ? Redirect($"/join/{invited.JoinCode}") : NotFound();

    /// <summary>Declines an invitation: it goes away and nothing else changes.</summary>
    public async Task<IActionResult> OnPostDeclineAsync(Guid group)
    {
        await roster.DeclineInvitationAsync(Me, group);
        return Redirect("/join");
    }

    Guid Me => LearnerIdentity.SignedIn(HttpContext)!.Value;
}
