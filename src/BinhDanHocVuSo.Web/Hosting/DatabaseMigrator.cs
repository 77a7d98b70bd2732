using System.Data.Common;
using BinhDanHocVuSo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// Applies the provider's migrations before anything else starts (Orleans' membership tables on
/// PostgreSQL are part of them), and turns "database unreachable" into a message naming the setting.
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
            logger.LogInformation("Database ready: {Provider}", settings.Provider);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            throw new StartupException(
                $"Cannot open the {settings.Provider} database ({e.GetBaseException().Message.Trim()}). Check {settings.ConnectionStringKey} and that the database server is running.", e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
