using System.Data.Common;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Hosting;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BinhDanHocVuSo.Web.Tests.Support;

/// <summary>
/// One platform (database, silo, web host) for all the tests of a class, put back to a new installation's state
/// before each test: the platform's grains deactivated, every row deleted except what start-up seeds (roles,
/// catalogue, health probe, data-protection keys), memory caches emptied and the clock back at its start. A spec
/// that changes settings, services or kills processes keeps a platform of its own.
/// </summary>
public abstract class SharedPlatform(DatabaseProvider provider) : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public Platform Platform { get; private set; } = null!;
    bool _used;

    /// <summary>Tables start-up fills and no test changes.</summary>
    static readonly Type[] Seeded = [typeof(CatalogCourse), typeof(CatalogLesson), typeof(HealthProbeRow), typeof(IdentityRole<Guid>), typeof(DataProtectionKey)];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        Platform = new Platform(Database);
    }

    /// <summary>Makes the platform look newly installed to the next test (nothing to do for the first one).</summary>
    public async Task ResetAsync()
    {
        if (!_used)
        {
            _used = true;
            return;
        }
        await DeactivateGrainsAsync();
        await DeleteRowsAsync();
        if (Platform.Services.GetRequiredService<IMemoryCache>() is MemoryCache cache)
        {
            cache.Clear();
        }
        Platform.ResetClock();
    }

    /// <summary>
    /// Deactivates the platform's own grains (they write what they hold first), so that none keeps a deleted row or a
    /// count in memory. Sign-in throttles put off their deactivation for an hour: they are cleared, which lets them go.
    /// </summary>
    async Task DeactivateGrainsAsync()
    {
        var management = Platform.Grains.GetGrain<IManagementGrain>(0);
        var active = new List<DetailedGrainStatistic>();
        for (var i = 0; i < 100; i++)
        {
            await management.ForceActivationCollection(TimeSpan.Zero);
            active = [.. (await management.GetDetailedGrainStatistics())
                .Where(s => !s.GrainType.Contains("Orleans", StringComparison.OrdinalIgnoreCase))];
            if (active.Count == 0)
            {
                return;
            }
            foreach (var throttle in active.Where(s => s.GrainType.Contains(nameof(AttemptThrottle), StringComparison.Ordinal)))
            {
                await Platform.Grains.GetGrain<IAttemptThrottleGrain>(throttle.GrainId.Key.ToString()!).Clear();
            }
            await Task.Delay(20);
        }
        throw new InvalidOperationException("grains still active between tests: " + string.Join(", ", active.Select(s => s.GrainId)));
    }

    async Task DeleteRowsAsync()
    {
        using var scope = Platform.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tables = db.Model.GetEntityTypes()
            .Where(t => !Seeded.Contains(t.ClrType) && t.GetTableName() is not null && !t.IsOwned())
            .Select(t => t.GetTableName()!)
            .Distinct()
            .ToList();
        if (provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(Database.ConnectionString);
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"TRUNCATE {string.Join(", ", tables.Select(t => $"\"{t}\""))} RESTART IDENTITY CASCADE;");
            return;
        }
        await using (var connection = new SqliteConnection(Database.ConnectionString))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF;");
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var table in tables)
            {
                await ExecuteAsync(connection, $"DELETE FROM \"{table}\";", transaction);
            }
            await ExecuteAsync(connection, "DELETE FROM sqlite_sequence;", transaction);
            await transaction.CommitAsync();
        }
    }

    static async Task ExecuteAsync(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>A platform on SQLite shared by the tests of one class.</summary>
public sealed class SqlitePlatform() : SharedPlatform(DatabaseProvider.Sqlite);

/// <summary>A platform on PostgreSQL shared by the tests of one class.</summary>
public sealed class PostgresPlatform() : SharedPlatform(DatabaseProvider.Postgres);
