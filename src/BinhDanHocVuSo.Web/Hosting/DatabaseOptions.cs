namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>Which database the platform uses: the configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite file when <c>ConnectionStrings:Sqlite</c> is not set.</summary>
    public string DataPath { get; set; } = "data";
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
