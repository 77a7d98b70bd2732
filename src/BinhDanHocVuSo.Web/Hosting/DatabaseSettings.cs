using Microsoft.Data.Sqlite;
using Npgsql;

namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>The database settings after validation: a provider and a usable connection string.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = DatabaseOptions.Section + ":" + nameof(DatabaseOptions.Provider);
    public const string SqliteKey = "ConnectionStrings:Sqlite";
    public const string PostgresKey = "ConnectionStrings:Postgres";
    public const string DataPathKey = DatabaseOptions.Section + ":" + nameof(DatabaseOptions.DataPath);

    /// <summary>The key a person changes to point the platform at another database.</summary>
    public string ConnectionStringKey => Provider == DatabaseProvider.Sqlite ? SqliteKey : PostgresKey;

    /// <summary>The provider of <paramref name="options"/> (already validated) with its connection string, made usable.</summary>
    public static DatabaseSettings Read(DatabaseOptions options, IConfiguration configuration, string contentRoot) =>
        options.ChosenProvider == DatabaseProvider.Sqlite
            ? new(DatabaseProvider.Sqlite, SqliteConnectionString(options, configuration, contentRoot))
            : new(DatabaseProvider.Postgres, PostgresConnectionString(configuration));

    static string SqliteConnectionString(DatabaseOptions options, IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[SqliteKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            var folder = Path.GetFullPath(options.DataPath, contentRoot);
            configured = $"Data Source={Path.Combine(folder, "binhdanhocvuso.db")}";
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(configured);
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource, contentRoot));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            builder.Pooling = true;
            return builder.ToString();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"{SqliteKey} is not usable ({e.Message}); give a connection string such as 'Data Source=data/binhdanhocvuso.db' in a writable folder.", e);
        }
    }

    static string PostgresConnectionString(IConfiguration configuration)
    {
        var configured = configuration[PostgresKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new StartupException($"{ProviderKey} is 'Postgres' but {PostgresKey} is empty; set it, e.g. 'Host=127.0.0.1;Port=5432;Database=binhdanhocvuso;Username=app;Password=…' (environment variable ConnectionStrings__Postgres).");
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            // Every quiz answer runs the same few statements: let Npgsql prepare them on the server once per connection,
            // unless the operator chose otherwise.
            if (!configured.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase) && !configured.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            {
                builder.MaxAutoPrepare = 50;
            }
            return builder.ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"{PostgresKey} is not a valid PostgreSQL connection string: {e.Message}", e);
        }
    }
}
