using System.Data.Common;
using System.Net;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace BinhDanHocVuSo.Web.Tests.Hosting;

/// <summary>A database that cannot write (damaged, full, read-only) is said so by start-up and readiness, and costs a 503, not a 500.</summary>
public sealed class StorageFailureSpec
{
    [Fact]
    public async Task Start_up_refuses_a_corrupted_sqlite_file()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var platform = new Platform(database))
        {
            (await platform.Browser().GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        SqliteConnection.ClearAllPools();
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        File.Exists(file + "-wal").Should().BeFalse("the last connection folds the WAL back into the file");
        CorruptLastPage(file);

        var (exitCode, errors) = await WebHostProcess.RunAsync($"--ConnectionStrings:Sqlite={database.ConnectionString}");

        exitCode.Should().NotBe(0);
        errors.Should().Contain($"BinhDanHocVuSo could not start: the SQLite file {file} failed its integrity check")
            .And.Contain("restore it from a backup").And.NotContain("   at ");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Readiness_fails_when_the_database_cannot_be_written(DatabaseProvider provider)
    {
        await using var storage = await SwitchableStorage.CreateAsync(provider);
        var browser = storage.Site.CreateClient();
        (await browser.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);

        storage.ReadOnly = true;
        storage.Platform.Clock.Advance(DatabaseWriteCheck.KeptFor);
        var ready = await browser.GetAsync("/health/ready");

        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await browser.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK, "the process still answers");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_failing_write_answers_503_with_retry_after(DatabaseProvider provider)
    {
        await using var storage = await SwitchableStorage.CreateAsync(provider);
        var visitor = storage.Site.CreateClient(new() { AllowAutoRedirect = false });
        var lesson = await visitor.GetStringAsync("/c/khoa-mau/bai-mot");
        var attempt = System.Text.RegularExpressions.Regex.Match(lesson, "name=\"attemptId\" value=\"([^\"]+)\"").Groups[1].Value;

        storage.ReadOnly = true;
        var answer = await visitor.PostAsync("/c/khoa-mau/bai-mot", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["attemptId"] = attempt, ["q.b1-1"] = "b",
        }));

        answer.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        answer.Headers.RetryAfter.Should().NotBeNull();
        (await answer.Content.ReadAsStringAsync()).Should().Contain("Hệ thống tạm thời không lưu được dữ liệu");
    }

    [Fact]
    public void A_database_that_cannot_write_is_told_apart_from_a_bug()
    {
        Exception[] storage =
        [
            new SqliteException("database or disk is full", 13),
            new SqliteException("attempt to write a readonly database", 8),
            new SqliteException("database disk image is malformed", 11),
            new SqliteException("database is locked", 5),
            new DbUpdateException("save failed", new SqliteException("disk I/O error", 10)),
            new Npgsql.PostgresException("could not extend file: No space left on device", "ERROR", "ERROR", "53100"),
            new Npgsql.PostgresException("cannot execute UPDATE in a read-only transaction", "ERROR", "ERROR", "25006"),
            new AggregateException(new IOException("No space left on device", 28)),
        ];
        Exception[] bugs =
        [
            new SqliteException("UNIQUE constraint failed", 19),
            new Npgsql.PostgresException("duplicate key value", "ERROR", "ERROR", "23505"),
            new NullReferenceException(),
        ];

        storage.Should().AllSatisfy(e => RequestFailures.StatusCodeOf(e).Should().Be(503, e.Message));
        bugs.Should().AllSatisfy(e => RequestFailures.StatusCodeOf(e).Should().Be(500, e.Message));
    }

    [Fact]
    public void A_repeated_storage_failure_is_logged_once_per_interval()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        var throttle = new LogThrottle(clock, TimeSpan.FromSeconds(30));
        var logged = new List<int>();

        for (var second = 0; second < 65; second++)
        {
            for (var request = 0; request < 100; request++)
            {
                if (throttle.ShouldLog("SqliteException:13", out var suppressed))
                {
                    logged.Add(suppressed);
                }
            }
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        var other = throttle.ShouldLog("PostgresException:53100", out var otherSuppressed);

        logged.Should().Equal([0, 2_999, 2_999], "one line at the first failure, then one every 30 s with the count held back");
        other.Should().BeTrue("another failure is not held back by the first");
        otherSuppressed.Should().Be(0);
    }

    [Fact]
    public async Task A_storage_failure_is_logged_with_how_many_repeats_were_held_back()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        var log = new ListLogger();
        var handler = new StorageFailureHandler(new LogThrottle(clock, TimeSpan.FromSeconds(30)), log);
        var full = new SqliteException("database or disk is full", 13);

        for (var i = 0; i < 50; i++)
        {
            (await handler.TryHandleAsync(new Microsoft.AspNetCore.Http.DefaultHttpContext(), full, default)).Should().BeFalse();
        }
        clock.Advance(TimeSpan.FromSeconds(30));
        await handler.TryHandleAsync(new Microsoft.AspNetCore.Http.DefaultHttpContext(), full, default);

        log.Lines.Should().HaveCount(2);
        log.Lines[1].Should().Contain("49 more failures");
    }

    static void CorruptLastPage(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
        const int page = 4096;
        stream.Length.Should().BeGreaterThan(2 * page);
        stream.Seek(-page, SeekOrigin.End);
        var junk = new byte[page];
        new Random(15).NextBytes(junk);
        stream.Write(junk);
    }

    /// <summary>
    /// A platform on a fresh database, served through a site whose every connection a switch makes read-only (SQLite's
    /// <c>query_only</c>, PostgreSQL's <c>default_transaction_read_only</c>): each write then fails as on a read-only or full disk.
    /// </summary>
    sealed class SwitchableStorage : DbConnectionInterceptor, IAsyncDisposable
    {
        readonly DatabaseProvider _provider;
        readonly TestDatabase _database;

        SwitchableStorage(TestDatabase database)
        {
            _database = database;
            _provider = database.Provider;
            Platform = new Platform(database);
            Site = Platform.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            {
                services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(this));
                services.ConfigureDbContext<PostgresAppDbContext>(options => options.AddInterceptors(this));
            }));
        }

        public static async Task<SwitchableStorage> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

        public Platform Platform { get; }

        /// <summary>The platform with the switch in its database connections; ask this one.</summary>
        public Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Site { get; }

        public volatile bool ReadOnly;

        string Statement => (_provider, ReadOnly) switch
        {
            (DatabaseProvider.Sqlite, true) => "PRAGMA query_only = 1;",
            (DatabaseProvider.Sqlite, false) => "PRAGMA query_only = 0;",
            (_, true) => "SET default_transaction_read_only = on;",
            (_, false) => "SET default_transaction_read_only = off;",
        };

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Statement;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Statement;
            command.ExecuteNonQuery();
        }

        public async ValueTask DisposeAsync()
        {
            await Platform.DisposeAsync(); // and the site made from it
            await _database.DisposeAsync();
        }
    }

    sealed class ListLogger : ILogger<StorageFailureHandler>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
