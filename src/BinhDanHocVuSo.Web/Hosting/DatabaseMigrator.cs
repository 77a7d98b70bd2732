using Microsoft.Data.Sqlite;

namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// Applies the provider's migrations before anything else starts (Orleans' membership tables on
/// PostgreSQL are part of them), checks that an SQLite file is intact, and turns "database unreachable"
/// or "database damaged" into a message naming what to do.
/// </summary>
sealed class DatabaseMigrator(IDbContextFactory<AppDbContext> contexts, DatabaseSettings settings, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets lesson pages read while a quiz answer is being written.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            await db.RunExclusiveAsync(() => db.Database.MigrateAsync(cancellationToken), cancellationToken);
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                await CheckIntegrityAsync(db, cancellationToken);
            }
            logger.LogInformation("Database ready: {Provider}", settings.Provider);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26) // SQLITE_CORRUPT, SQLITE_NOTADB
        {
            throw Damaged(e.Message.Trim(), e);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            throw new StartupException(
                $"Cannot open the {settings.Provider} database ({e.GetBaseException().Message.Trim()}). Check {settings.ConnectionStringKey} and that the database server is running.", e);
        }
    }

    /// <summary>
    /// <c>PRAGMA quick_check</c> reads every page of the file (a few seconds for gigabytes): a damaged page would
    /// otherwise be found by the first learner whose answer lands on it, with a 500.
    /// </summary>
    async Task CheckIntegrityAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA quick_check(5);";
            var problems = new List<string>();
            await using (var reader = await check.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    problems.Add(reader.GetString(0));
                }
            }
            if (problems is not ["ok"])
            {
                throw Damaged(string.Join("; ", problems), null);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    StartupException Damaged(string problem, Exception? inner) =>
        new($"the SQLite file {new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource} failed its integrity check: {problem}; restore it from a backup.", inner);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
