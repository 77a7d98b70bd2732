using System.Net;
using System.Net.Sockets;
using BinhDanHocVuSo.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BinhDanHocVuSo.Web.Tests.Support;

/// <summary>
/// The whole platform in-process (web host, silo, database) on a given test database, with its own
/// silo ports so that several can run side by side, and a fake clock that tests move by hand.
/// </summary>
public sealed class Platform(TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null)
    : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    readonly TestClock _clock = new(Start);

    /// <summary>The platform's clock, which tests move by hand; it starts at <see cref="Start"/>.</summary>
    public FakeTimeProvider Clock => _clock.Current;

    /// <summary>Puts the clock back at <see cref="Start"/>, for the next test on a shared platform.</summary>
    public void ResetClock() => _clock.Reset(Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting(DatabaseSettings.ProviderKey, database.Provider.ToString());
        builder.UseSetting(database.Provider == DatabaseProvider.Sqlite ? DatabaseSettings.SqliteKey : DatabaseSettings.PostgresKey, database.ConnectionString);
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString());
        builder.UseSetting("Orleans:ClusterId", $"test-{Guid.NewGuid():N}");
        builder.UseSetting("Content:CoursesPath", Repository.Path("tests/BinhDanHocVuSo.Web.Tests/TestData/courses"));
        builder.UseSetting("Content:AssessmentsPath", Repository.Path("assessments"));
        builder.UseSetting("Accounts:AttemptsPerMinute", "100000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock));
        if (testServices is not null)
        {
            builder.ConfigureTestServices(testServices);
        }
    }

    /// <summary>Settings that serve the real, shipped courses instead of the small test course.</summary>
    public static Dictionary<string, string?> ShippedCourses() => new() { ["Content:CoursesPath"] = Repository.Path("courses") };

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>A client that keeps cookies (the guest learner) and does not follow redirects.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A fake clock that can be put back: a <see cref="FakeTimeProvider"/> only moves forward, so a reset swaps in a new one.
/// Timers made on the old one never fire.
/// </summary>
sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public FakeTimeProvider Current { get; private set; } = new(start);

    public void Reset(DateTimeOffset start) => Current = new FakeTimeProvider(start);

    public override DateTimeOffset GetUtcNow() => Current.GetUtcNow();
    public override long GetTimestamp() => Current.GetTimestamp();
    public override long TimestampFrequency => Current.TimestampFrequency;
    public override TimeZoneInfo LocalTimeZone => Current.LocalTimeZone;
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Current.CreateTimer(callback, state, dueTime, period);
}

public static class Repository
{
    /// <summary>A path inside the repository, found from the test binaries by walking up to the solution file.</summary>
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "BinhDanHocVuSo.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, relative);
            }
        }
        throw new InvalidOperationException("BinhDanHocVuSo.sln not found above " + AppContext.BaseDirectory);
    }
}
