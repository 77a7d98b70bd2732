namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>Which database: configuration section <c>Database</c> (connection strings: <c>ConnectionStrings:Sqlite</c>, <c>ConnectionStrings:Postgres</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded, the default) or <c>Postgres</c>; text, so that a wrong name is answered by the validator.</summary>
    public string? Provider { get; set; }

    /// <summary>Folder of the SQLite file when <c>ConnectionStrings:Sqlite</c> is not given, relative to the content root.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>The chosen provider (checked by <see cref="DatabaseOptionsValidator"/>).</summary>
    public DatabaseProvider ChosenProvider =>
        string.IsNullOrWhiteSpace(Provider) ? DatabaseProvider.Sqlite : Enum.Parse<DatabaseProvider>(Provider, ignoreCase: true);
}
