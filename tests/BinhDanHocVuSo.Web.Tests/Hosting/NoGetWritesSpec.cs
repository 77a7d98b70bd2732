using System.Data.Common;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Features.Survey;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BinhDanHocVuSo.Web.Tests.Hosting;

/// <summary>
/// Reading a page never writes: every GET route of the platform, found at run time, with real ids (a course, a lesson,
/// a group, a certificate, the survey report), asked by a visitor, a guest and a signed-in learner who both have
/// history, an official who submitted the survey, a trainer with a group and an administrator. Two counters watch the
/// database: every command EF Core sends (an interceptor), and, for SQL that bypasses EF Core, SQLite's
/// <c>PRAGMA data_version</c> read on a connection of the spec's own, which changes whenever another connection commits.
/// </summary>
public sealed partial class NoGetWritesSpec(ITestOutputHelper output)
{
    /// <summary>GET routes that write on purpose ("path-pattern": why).</summary>
    static readonly Dictionary<string, string> WritesOnPurpose = new()
    {
        ["/health/ready"] = "readiness proves the database takes a write by rewriting its one probe row (at most every few seconds)",
    };

    [Fact]
    public async Task No_GET_route_writes_to_the_database()
    {
        await using var watched = await WatchedPlatform.StartAsync();
        var (commands, platform, watcher) = (watched.Commands, watched.Platform, watched.Watcher);
        var visitors = await VisitorsWithHistoryAsync(platform);
        var values = await RealValuesAsync(platform, visitors.Trainer);
        await QuietAsync(watcher);
        output.WriteLine($"{commands.Writes} writes through EF Core while setting up");

        var failures = new List<string>();
        var requests = 0;
        foreach (var route in GetRoutes(platform).Where(r => !WritesOnPurpose.ContainsKey(r)))
        {
            var url = Fill(route, route.StartsWith("/xac-minh/", StringComparison.Ordinal)
                ? new Dictionary<string, string>(values) { ["id"] = await CertificateAsync(platform) } : values);
            foreach (var (who, browser) in visitors.All)
            {
                var before = (Commands: commands.Writes, Version: await DataVersionAsync(watcher));
                commands.Current = $"{who} GET {url}";
                using var response = await browser.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                requests++;
                var written = commands.Since(before.Commands);
                if (written.Count > 0 || await DataVersionAsync(watcher) != before.Version)
                {
                    failures.Add($"{who}: GET {url} ({route}) → {(int)response.StatusCode} wrote: "
                        + (written.Count > 0 ? string.Join(" | ", written.Select(Shorten)) : "a commit outside EF Core (data_version changed)"));
                }
            }
        }
        // A write started by a GET but finished after its answer would land here.
        var last = (Commands: commands.Writes, Version: await DataVersionAsync(watcher));
        await QuietAsync(watcher);
        if (commands.Writes != last.Commands || await DataVersionAsync(watcher) != last.Version)
        {
            failures.Add("after the last GET: " + string.Join(" | ", commands.Since(last.Commands).Select(Shorten)));
        }

        output.WriteLine($"{requests} GET requests");
        requests.Should().BeGreaterThan(100, "every GET route is asked by every visitor");
        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task The_counters_see_a_GET_that_writes()
    {
        await using var watched = await WatchedPlatform.StartAsync();
        var (commands, platform, watcher) = (watched.Commands, watched.Platform, watched.Watcher);
        await QuietAsync(watcher);
        var version = await DataVersionAsync(watcher);
        var writes = commands.Writes;

        // /health/ready rewrites its probe row (once its last result is older than it keeps one): the one GET that writes on purpose.
        platform.Clock.Advance(DatabaseWriteCheck.KeptFor * 2);
        (await platform.Browser().GetAsync("/health/ready")).EnsureSuccessStatusCode();

        (await DataVersionAsync(watcher)).Should().NotBe(version, "the probe's commit is seen from another connection");
        commands.Since(writes).Should().ContainSingle().Which.Should().Contain("UPDATE");
    }

    /// <summary>Each GET route template of the platform (pages accept every method), static files aside.</summary>
    static List<string> GetRoutes(Platform platform) =>
        [.. platform.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset")))
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>The route with each parameter given its real value (a route with an unknown parameter fails the spec).</summary>
    static string Fill(string route, IReadOnlyDictionary<string, string> real) =>
        ParameterPattern().Replace(route, m => real.TryGetValue(m.Groups[1].Value, out var value) ? Uri.EscapeDataString(value)
            : throw new InvalidOperationException($"{route}: no real value for {{{m.Groups[1].Value}}}; add one to {nameof(RealValuesAsync)}"));

    sealed record Visitors(HttpClient Trainer, IReadOnlyList<(string Who, HttpClient Browser)> All);

    /// <summary>
    /// A visitor without cookies; a guest who answered a quiz; a learner who completed the course (and has its
    /// certificate); an official who submitted the survey; a trainer with a group and a member; an administrator.
    /// </summary>
    static async Task<Visitors> VisitorsWithHistoryAsync(Platform platform)
    {
        var catalog = platform.Services.GetRequiredService<ICourseCatalogSource>().Current;
        var course = catalog.Courses.First(c => c.FinalQuiz is not null);

        var guest = platform.Browser();
        var firstQuiz = course.Lessons.First(l => l.Quiz is not null);
        await AnswerAsync(guest, course.Slug, firstQuiz.Quiz!.Id, Answers.AllWrong(firstQuiz.Quiz));

        var learnerPerson = await platform.CreateAsync();
        var learner = await platform.SignedInAs(learnerPerson);
        foreach (var lesson in course.Lessons)
        {
            if (lesson.Quiz is not null)
            {
                await AnswerAsync(learner, course.Slug, lesson.Quiz.Id, Answers.AllRight(lesson.Quiz));
            }
            else
            {
                await learner.MarkLessonDoneAsync(course.Slug, lesson.Slug);
            }
        }
        await AnswerAsync(learner, course.Slug, "final", Answers.AllRight(course.FinalQuiz!));
        await learner.ReceiveCertificateAsync(course.Slug);

        var officialPerson = await platform.SubmittedRespondentAsync();
        var official = await platform.SignedInAs(officialPerson);

        var trainer = await platform.SignedInAs(await platform.CreateAsync(Roles.Trainer));
        var admin = await platform.SignedInAs(await platform.CreateAsync(Roles.Admin));
        return new(trainer, [("visitor", platform.Browser()), ("guest", guest), ("learner", learner), ("official", official), ("trainer", trainer), ("admin", admin)]);
    }

    static async Task AnswerAsync(HttpClient browser, string course, string quiz, IReadOnlyDictionary<string, IReadOnlyList<string>> answers) =>
        (await browser.PostAsJsonAsync($"/api/courses/{course}/quizzes/{quiz}/attempts", new { attemptId = Guid.NewGuid(), answers })).EnsureSuccessStatusCode();

    /// <summary>Real route values: the learner's course and lesson, the trainer's group (with the learner in it), the certificate.</summary>
    static async Task<Dictionary<string, string>> RealValuesAsync(Platform platform, HttpClient trainer)
    {
        var catalog = platform.Services.GetRequiredService<ICourseCatalogSource>().Current;
        var course = catalog.Courses.First(c => c.FinalQuiz is not null);
        var lesson = course.Lessons.First(l => l.Quiz is not null);
        var created = await trainer.SubmitFormAsync("/groups", new() { ["Name"] = "Nhóm đọc thử", ["Commune"] = People.Commune });
        var group = Guid.Parse(created.Headers.Location!.ToString().Split('/')[^1]);
        using var scope = platform.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var joinCode = await db.Groups.Where(g => g.Id == group).Select(g => g.JoinCode).SingleAsync();
        return new()
        {
            ["course"] = course.Slug, ["lesson"] = lesson.Slug, ["quiz"] = lesson.Quiz!.Id, ["id"] = group.ToString(), ["code"] = joinCode,
            ["n"] = "1", ["file"] = "hinh.png", ["documentName"] = "v1", ["userId"] = Guid.NewGuid().ToString(),
            ["path"] = "khong-co",
            // The lesson above may have no simulation or drill: their pages then answer 404, which must not write either
            // (PracticePagesSpec and DrillPagesSpec play real ones, whose state is only in the address).
            ["practice"] = lesson.Practices.FirstOrDefault()?.Id ?? "khong-co", ["drill"] = lesson.Drills.FirstOrDefault()?.Id ?? "khong-co",
        };
    }

    /// <summary>The learner's certificate (asked for when its public check is read: it may be issued when first shown).</summary>
    static async Task<string> CertificateAsync(Platform platform)
    {
        using var scope = platform.Services.CreateScope();
        var certificate = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Certificates.AsNoTracking().FirstOrDefaultAsync();
        return (certificate?.Id ?? Guid.NewGuid()).ToString("N");
    }

    /// <summary>Waits until nothing has committed for half a second (start-up seeding, grains writing after the set-up's answers).</summary>
    static async Task QuietAsync(SqliteConnection watcher)
    {
        var version = await DataVersionAsync(watcher);
        for (var i = 0; i < 40; i++)
        {
            await Task.Delay(500);
            var now = await DataVersionAsync(watcher);
            if (now == version)
            {
                return;
            }
            version = now;
        }
    }

    static async Task<long> DataVersionAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)[^}]*\}")]
    private static partial Regex ParameterPattern();

    /// <summary>A started platform on a fresh SQLite database, with both counters on it.</summary>
    sealed class WatchedPlatform(TestDatabase database, WriteCounter commands) : IAsyncDisposable
    {
        public WriteCounter Commands => commands;

        public Platform Platform { get; } = new(database, testServices: services =>
            services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(commands), ServiceLifetime.Singleton));

        /// <summary>The spec's own connection, whose <c>data_version</c> changes when another connection commits.</summary>
        public SqliteConnection Watcher { get; } = new(database.ConnectionString);

        public static async Task<WatchedPlatform> StartAsync()
        {
            var watched = new WatchedPlatform(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), new WriteCounter());
            watched.Platform.Browser();
            await watched.Watcher.OpenAsync();
            return watched;
        }

        public async ValueTask DisposeAsync()
        {
            await Watcher.DisposeAsync();
            await Platform.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    /// <summary>Every SQL command EF Core sends that changes data, with the request that was being served.</summary>
    sealed partial class WriteCounter : DbCommandInterceptor
    {
        readonly List<string> _writes = [];

        public string Current { get; set; } = "start-up";

        public int Writes { get { lock (_writes) { return _writes.Count; } } }

        public List<string> Since(int count) { lock (_writes) { return _writes[count..]; } }

        /// <summary>Called once a command has its SQL and parameters, before it runs (reader, non-query or scalar alike).</summary>
        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand command)
        {
            if (Writing().IsMatch(command.CommandText))
            {
                lock (_writes)
                {
                    _writes.Add(Regex.Replace(command.CommandText, @"\s+", " ").Trim());
                }
            }
            return command;
        }

        [GeneratedRegex(@"\b(INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\S+(\s+AS\s+\S+)?\s+SET|DELETE\s+FROM|REPLACE\s+INTO|UPSERT|MERGE\s+INTO)\b", RegexOptions.IgnoreCase)]
        private static partial Regex Writing();
    }
}
