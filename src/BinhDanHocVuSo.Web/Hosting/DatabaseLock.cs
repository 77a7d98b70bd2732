namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// Start-up steps that change the schema or seed rows run one silo at a time: when several silos start together
/// on an empty PostgreSQL database, the others wait here and then find the work done.
/// </summary>
public static class DatabaseLock
{
    // Any fixed number: it only has to be the same in every silo of the platform.
    const long StartupLockKey = 0x4244_4856_5300;

    public static async Task RunExclusiveAsync(this AppDbContext db, Func<Task> step, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            await step();
            return;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({StartupLockKey})", cancellationToken);
            try
            {
                await step();
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({StartupLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
