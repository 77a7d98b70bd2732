using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>Runs <paramref name="action"/> with the platform's services in a scope of its own, as one request would.</summary>
    protected async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Platform.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>How many rows the query over the platform's database finds.</summary>
    protected Task<int> CountAsync<TRow>(Func<AppDbContext, IQueryable<TRow>> rows) => InScope(s => rows(s.GetRequiredService<AppDbContext>()).CountAsync());

    public virtual async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await Database.DisposeAsync();
    }
}
