using BinhDanHocVuSo.Web.Hosting;

namespace BinhDanHocVuSo.Web.Tests.Support;

/// <summary>A spec that runs against a fresh database and its own platform, both disposed afterwards.</summary>
public abstract class PlatformSpec(DatabaseProvider provider = DatabaseProvider.Sqlite) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;
    protected Platform Platform { get; set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        Platform = new Platform(Database);
    }

    public virtual async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await Database.DisposeAsync();
    }
}
