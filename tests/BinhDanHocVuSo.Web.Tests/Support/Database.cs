using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BinhDanHocVuSo.Web.Tests.Support;

/// <summary>
/// A fresh database for one test, on either provider, already migrated (a copy of a template that the test run
/// migrates once), and dropped afterwards. The platform still runs its own start-up (migrations find nothing to do,
/// seeders fill roles and catalogue), so a test sees what a new installation sees.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    const string PostgresVariable = "BDHVS_TEST_POSTGRES";

    TestDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    readonly Func<Task> _drop;

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>A migrated database; <paramref name="empty"/> gives one without any table, for specs of migrating itself.</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool empty = false) =>
        provider == DatabaseProvider.Sqlite ? CreateSqliteAsync(empty) : CreatePostgresAsync(empty);

    static readonly Lazy<Task<string>> SqliteTemplate = new(MigrateSqliteTemplateAsync);
    static readonly Lazy<Task<string>> PostgresTemplate = new(MigratePostgresTemplateAsync);

    static async Task<TestDatabase> CreateSqliteAsync(bool empty)
    {
        var folder = Directory.CreateTempSubdirectory("bdhvs-test-");
        var file = Path.Combine(folder.FullName, "test.db");
        if (!empty)
        {
            File.Copy(await SqliteTemplate.Value, file);
        }
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, () =>
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
            return Task.CompletedTask;
        });
    }

    /// <summary>Migrates one SQLite file per test run; each test copies it (a file copy costs far less than the migrations).</summary>
    static async Task<string> MigrateSqliteTemplateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("bdhvs-template-");
        var file = Path.Combine(folder.FullName, "template.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).Options))
        {
            await db.Database.MigrateAsync();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Delete(recursive: true);
        return file;
    }

    /// <summary>The PostgreSQL server that <c>tests/run.sh</c> starts; its address comes in <c>BDHVS_TEST_POSTGRES</c>.</summary>
    public static string PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server
        : throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with `bash tests/run.sh`, which starts a throw-away PostgreSQL.");

    static async Task<TestDatabase> CreatePostgresAsync(bool empty)
    {
        var name = $"bdhvs_test_{Guid.NewGuid():N}";
        var template = empty ? "template0" : await PostgresTemplate.Value;
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString();
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    /// <summary>
    /// Migrates one PostgreSQL database per test run, named for this process so that runs side by side on one server
    /// do not share it; each test's database is created from it (<c>CREATE DATABASE … TEMPLATE</c>).
    /// </summary>
    static async Task<string> MigratePostgresTemplateAsync()
    {
        await DropTemplatesOfEndedRunsAsync();
        var name = $"bdhvs_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..50];
        await ExecuteAsync($"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = false }.ToString();
        await using (var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options))
        {
            await db.Database.MigrateAsync();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult();
        return name;
    }

    /// <summary>A run that was stopped before its exit handler ran leaves its template: dropped when its process is gone.</summary>
    static async Task DropTemplatesOfEndedRunsAsync()
    {
        var ended = new List<string>();
        await using (var admin = new NpgsqlConnection(PostgresServer))
        {
            await admin.OpenAsync();
            await using var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'bdhvs\\_template\\_%'", admin);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                if (int.TryParse(name.Split('_')[2], out var process) && !IsRunning(process))
                {
                    ended.Add(name);
                }
            }
        }
        foreach (var name in ended)
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    static bool IsRunning(int process)
    {
        try
        {
            using var running = System.Diagnostics.Process.GetProcessById(process);
            return !running.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    static async Task ExecuteAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(PostgresServer);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => new(_drop());
}
