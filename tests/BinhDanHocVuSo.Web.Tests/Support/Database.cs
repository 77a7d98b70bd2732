using BinhDanHocVuSo.Web.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BinhDanHocVuSo.Web.Tests.Support;

/// <summary>A fresh, empty database for one test, on either provider; dropped afterwards.</summary>
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

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? Task.FromResult(CreateSqlite()) : CreatePostgresAsync();

    static TestDatabase CreateSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("bdhvs-test-");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.FullName, "test.db") }.ToString();
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, () =>
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
            return Task.CompletedTask;
        });
    }

    /// <summary>The PostgreSQL server that <c>tests/run.sh</c> starts; its address comes in <c>BDHVS_TEST_POSTGRES</c>.</summary>
    public static string PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server
        : throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with `bash tests/run.sh`, which starts a throw-away PostgreSQL.");

    static async Task<TestDatabase> CreatePostgresAsync()
    {
        var name = $"bdhvs_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(PostgresServer))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString();
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }

    public ValueTask DisposeAsync() => new(_drop());
}
