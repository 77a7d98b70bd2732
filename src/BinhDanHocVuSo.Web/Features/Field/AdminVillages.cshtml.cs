namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// <c>/admin/villages</c>: an administrator loads the communes' villages and their adult population from a file
/// (<see cref="VillageFile"/>), and reads what is loaded, commune by commune.
/// </summary>
[Authorize(Policy = Policies.Admin)]
[BodyLimit(2 * 1024 * 1024)]
public sealed class AdminVillagesModel(AppDbContext db, Villages villages, CommuneDirectory communes,
    IOptions<AccountsOptions> options, IStringLocalizer<SharedResource> text, IStringLocalizer<AccountText> accountText) : PageModel
{
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Done { get; private set; }
    public IReadOnlyList<(Commune Commune, int Villages, int? Adults)> Communes { get; private set; } = [];
    public Commune? Shown { get; private set; }
    public IReadOnlyList<VillageRow> ShownVillages { get; private set; } = [];

    public async Task OnGetAsync(string? commune, CancellationToken cancellationToken)
    {
        await ReadAsync(commune, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return await FailAsync([accountText["ImportEmpty"]], cancellationToken);
        }
        if (file.Length > options.Value.MaxImportKilobytes * 1024L)
        {
            return await FailAsync([accountText["ImportTooLarge", options.Value.MaxImportKilobytes]], cancellationToken);
        }
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }
        var fileName = Path.GetFileName(file.FileName);
        var sheet = ImportFile.Read(content, fileName, options.Value.MaxImportRows * 10, accountText);
        if (sheet.Sheet is null)
        {
            return await FailAsync([text.Field("VillageFileLine", fileName, 1, sheet.Error!)], cancellationToken);
        }
        var parsed = VillageFile.Parse(sheet.Sheet, fileName, communes, text);
        if (parsed.Errors.Count > 0)
        {
            return await FailAsync(parsed.Errors, cancellationToken);
        }
        var loaded = await villages.LoadAsync(parsed.Villages, fileName, LearnerIdentity.SignedIn(HttpContext)!.Value, cancellationToken);
        Done = text.Field("VillagesLoaded", fileName, loaded.Added, loaded.Updated);
        await ReadAsync(null, cancellationToken);
        return Page();
    }

    async Task<IActionResult> FailAsync(IReadOnlyList<string> errors, CancellationToken cancellationToken)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await ReadAsync(null, cancellationToken);
        return Page();
    }

    async Task ReadAsync(string? commune, CancellationToken cancellationToken)
    {
        var counts = await db.Villages().AsNoTracking().GroupBy(v => v.Commune)
            .Select(g => new { Commune = g.Key, Villages = g.Count(), Known = g.Count(v => v.AdultPopulation != null), Adults = g.Sum(v => v.AdultPopulation ?? 0) })
            .ToDictionaryAsync(c => c.Commune, cancellationToken);
        Communes = [.. communes.Provinces.SelectMany(p => p.Communes).Select(c => counts.TryGetValue(c.Id, out var n)
            ? (c, n.Villages, n.Known == n.Villages ? n.Adults : (int?)null) : (c, 0, (int?)null))];
        Shown = communes.Find(commune);
        if (Shown is not null)
        {
            ShownVillages = await db.Villages().AsNoTracking().Where(v => v.Commune == Shown.Id).OrderBy(v => v.Id).ToListAsync(cancellationToken);
        }
    }
}
