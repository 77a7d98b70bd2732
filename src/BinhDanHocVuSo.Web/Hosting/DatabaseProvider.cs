namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>The database chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
