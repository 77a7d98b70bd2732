namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// <c>/account/village</c>: a learner records the village they live in, among their account's commune's villages, so that
/// their progress counts for it; choosing none removes it.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyVillageModel(AppDbContext db, CommuneDirectory communes, VietnamClock clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public string CommuneName { get; private set; } = "";
    public IReadOnlyList<VillageRow> Villages { get; private set; } = [];
    public string? Current { get; private set; }
    public string? Error { get; private set; }
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        await ReadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? village, CancellationToken cancellationToken)
    {
        var me = LearnerIdentity.SignedIn(HttpContext)!.Value;
        await ReadAsync(cancellationToken);
        var row = await db.LearnerVillages().FirstOrDefaultAsync(l => l.UserId == me, cancellationToken);
        if (string.IsNullOrEmpty(village))
        {
            if (row is not null)
            {
                db.LearnerVillages().Remove(row);
            }
        }
        else if (Villages.All(v => v.Id != village))
        {
            Error = text.Field("VillageNotInCommune");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        else if (row is null)
        {
            db.LearnerVillages().Add(new LearnerVillageRow { UserId = me, VillageId = village, ChosenAt = clock.UtcNow });
        }
        else
        {
            row.VillageId = village;
            row.ChosenAt = clock.UtcNow;
        }
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/account/village?saved=true");
    }

    async Task ReadAsync(CancellationToken cancellationToken)
    {
        var me = LearnerIdentity.SignedIn(HttpContext)!.Value;
        var commune = await db.Users.Where(u => u.Id == me).Select(u => u.Commune).SingleAsync(cancellationToken);
        CommuneName = communes.NameOf(commune);
        Villages = await db.Villages().AsNoTracking().Where(v => v.Commune == commune).OrderBy(v => v.Name).ToListAsync(cancellationToken);
        Current = await db.LearnerVillages().Where(l => l.UserId == me).Select(l => l.VillageId).FirstOrDefaultAsync(cancellationToken);
    }
}
