namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// Loads a checked villages file: a village already loaded (same id) takes the file's name and adult population, a new
/// one is added. A village missing from the file stays, since learners and teams refer to it; ids never change.
/// </summary>
public sealed class Villages(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string AuditLoaded = "villages-loaded";

    public sealed record Loaded(int Added, int Updated);

    public async Task<Loaded> LoadAsync(IReadOnlyList<VillageFile.Village> villages, string fileName, Guid actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = villages.Select(v => v.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Villages().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        foreach (var village in villages)
        {
            if (existing.TryGetValue(village.Id, out var row))
            {
                row.Name = village.Name;
                row.AdultPopulation = village.Adults;
                row.UpdatedAt = now;
            }
            else
            {
                db.Villages().Add(new VillageRow { Id = village.Id, Commune = village.Commune, Name = village.Name, AdultPopulation = village.Adults, UpdatedAt = now });
            }
        }
        var loaded = new Loaded(villages.Count - existing.Count, existing.Count);
        audit.Record(actor, AuditLoaded, null, $"{fileName}: {loaded.Added} added, {loaded.Updated} updated");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return loaded;
    }
}
