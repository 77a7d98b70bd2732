using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Support;

/// <summary>
/// A spec that runs on a platform: either one of its own on a fresh database (with the given settings), disposed afterwards, or (given a
/// <see cref="SharedPlatform"/> class fixture) the class's shared platform, reset to a new installation's state
/// before the test. A test that replaces <see cref="Platform"/> gets its replacement disposed afterwards.
/// </summary>
public abstract class PlatformSpec : IAsyncLifetime
{
    readonly DatabaseProvider _provider;
    readonly IDictionary<string, string?>? _settings;
    readonly SharedPlatform? _shared;

    protected PlatformSpec(DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null)
    {
        _provider = provider;
        _settings = settings;
    }

    protected PlatformSpec(SharedPlatform shared) => _shared = shared;

    protected TestDatabase Database { get; private set; } = null!;
    protected Platform Platform { get; set; } = null!;

    public virtual async Task InitializeAsync()
    {
        if (_shared is not null)
        {
            await _shared.ResetAsync();
            Database = _shared.Database;
            Platform = _shared.Platform;
            return;
        }
        Database = await TestDatabase.CreateAsync(_provider);
        Platform = new Platform(Database, _settings);
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
        if (_shared is null)
        {
            await Platform.DisposeAsync();
            await Database.DisposeAsync();
        }
        else if (Platform != _shared.Platform)
        {
            await Platform.DisposeAsync();
        }
    }
}
