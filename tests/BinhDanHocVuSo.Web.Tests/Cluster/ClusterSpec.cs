using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace BinhDanHocVuSo.Web.Tests.Cluster;

/// <summary>Cluster tests start several web hosts each: they run alone, after the other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}

/// <summary>
/// Three silos of the real, built web host, as three processes on loopback sharing one PostgreSQL database (data,
/// Orleans membership, data-protection keys), the way a province runs them behind nginx.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterSpec(ITestOutputHelper output) : IAsyncLifetime
{
    const string Course = "khoa-mau";
    const string Quiz = "bai-mot";
    const int SiloCount = 3;

    // Failure detection shortened for the test through configuration (production keeps Orleans' defaults):
    // a probe each second, and the survivors refresh their view of the membership table often.
    static readonly Dictionary<string, string> TestSettings = new()
    {
        ["Orleans__Diagnostics"] = "true",
        ["Orleans__Membership__ProbeTimeout"] = "00:00:01",
        ["Orleans__Membership__TableRefreshTimeout"] = "00:00:02",
    };

    TestDatabase _database = null!;
    readonly List<SiloProcess> _silos = [];
    string _answers = "";

    public async Task InitializeAsync()
    {
        var quiz = CourseLoader.Load(SourceTree.Path("tests/BinhDanHocVuSo.Web.Tests/TestData/courses"),
                CompetenceModel.Load(SourceTree.Path("assessments/competences.yaml")))
            .Find(Course)!.Lessons.Single(l => l.Slug == Quiz).Quiz!;
        _answers = JsonSerializer.Serialize(Answers.AllRight(quiz));

        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, empty: true);
        var clusterId = $"cluster-{Guid.NewGuid():N}";
        var watch = Stopwatch.StartNew();
        // The first silo on a fresh database migrates it, seeds the roles and makes the data-protection key; the
        // others then start together and join (see ClusterStartSpec for silos that all start at once).
        _silos.Add(SiloProcess.Start("A", _database.ConnectionString, clusterId, TestSettings));
        await _silos[0].WaitReadyAsync(TimeSpan.FromSeconds(90));
        for (var i = 1; i < SiloCount; i++)
        {
            _silos.Add(SiloProcess.Start(((char)('A' + i)).ToString(), _database.ConnectionString, clusterId, TestSettings));
        }
        await Task.WhenAll(_silos.Skip(1).Select(s => s.WaitReadyAsync(TimeSpan.FromSeconds(90))));
        output.WriteLine($"{SiloCount} silos ready after {watch.Elapsed.TotalSeconds:F1} s");
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            output.WriteLine(silo.Output());
            await silo.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_learner_lives_on_one_silo_and_every_silo_serves_the_same_progress()
    {
        var (a, b, c) = (_silos[0], _silos[1], _silos[2]);
        (await ActiveSilos()).Should().Be(SiloCount, "the three processes joined one cluster through the membership table");

        // The guest cookie made by A is read by B and C: the data-protection keys are shared through the database.
        var cookie = await NewLearner(a);
        (await Submit(b, cookie, Guid.NewGuid())).Should().Be(HttpStatusCode.OK);
        (await Send(c, cookie, HttpMethod.Get, $"/c/{Course}/bai-hai")).Should().Be(HttpStatusCode.OK);

        var progress = await Task.WhenAll(_silos.Select(s => Progress(s, cookie)));
        var locations = await Task.WhenAll(_silos.Select(s => s.LocateAsync(cookie)));

        progress.Should().AllSatisfy(p =>
        {
            p.CompletedLessons.Should().Equal(Quiz, "bai-hai");
            p.Quizzes[Quiz].Attempts.Should().Be(1);
            p.LastOpenedLessonSlug.Should().Be("bai-hai");
        });
        locations.Select(l => l.Silo).Should().OnlyHaveUniqueItems("each silo answered for itself");
        locations.Select(l => l.HostedOn).Distinct().Should().ContainSingle("the learner has one grain in the cluster, whichever silo is asked")
            .Which.Should().NotBeNull();
        _silos.Should().ContainSingle(s => s.Is(locations[0].HostedOn), "the grain lives in one of the three processes");
    }

    [Fact]
    public async Task Acknowledged_answers_survive_a_silo_killed_mid_load_and_its_learners_are_served_again_by_the_survivors()
    {
        const int Learners = 30;
        const int AttemptsEach = 8;
        const int Total = Learners * AttemptsEach;

        // Learners arrive through all three silos; then find where their grains were placed and kill the busiest silo.
        var cookies = await Task.WhenAll(Enumerable.Range(0, Learners).Select(i => NewLearner(_silos[i % SiloCount])));
        var homes = await Task.WhenAll(cookies.Select(c => _silos[0].LocateAsync(c)));
        var victim = _silos.MaxBy(s => homes.Count(h => s.Is(h.HostedOn)))!;
        var survivors = _silos.Where(s => s != victim).ToArray();
        var orphans = Enumerable.Range(0, Learners).Where(i => victim.Is(homes[i].HostedOn)).ToList();
        orphans.Should().NotBeEmpty();
        output.WriteLine($"grains per silo: {string.Join(", ", _silos.Select(s => $"{s.Name}={homes.Count(h => s.Is(h.HostedOn))}"))}; killing {victim.Name}");

        var live = _silos.ToArray();
        var acknowledged = new ConcurrentDictionary<Guid, int>();
        var failures = new ConcurrentBag<string>();
        var killedAfter = TimeSpan.Zero;
        var acks = 0;
        var clock = Stopwatch.StartNew();
        var lastAck = new ConcurrentDictionary<int, TimeSpan>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // A phone: each attempt gets one id; a failed send is sent again, same id, to whichever silo nginx picks next.
        async Task Learner(int learner)
        {
            for (var k = 0; k < AttemptsEach; k++)
            {
                var attempt = Guid.NewGuid();
                for (var send = 0; ; send++)
                {
                    deadline.Token.ThrowIfCancellationRequested();
                    var targets = Volatile.Read(ref live);
                    var silo = targets[(learner + k + send) % targets.Length];
                    var status = await TrySubmit(silo, cookies[learner], attempt, deadline.Token);
                    if (status == HttpStatusCode.OK)
                    {
                        break;
                    }
                    failures.Add($"{silo.Name}: {(status is null ? "no answer" : ((int)status).ToString())}");
                    await Task.Delay(200, deadline.Token);
                }
                acknowledged[attempt] = learner;
                lastAck[learner] = clock.Elapsed;
                if (Interlocked.Increment(ref acks) == Total / 3)
                {
                    Volatile.Write(ref live, survivors);
                    victim.Kill();
                    killedAfter = clock.Elapsed;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Learners).Select(Learner));

        output.WriteLine($"{acknowledged.Count} acknowledged in {clock.Elapsed.TotalSeconds:F1} s; {victim.Name} killed at {killedAfter.TotalSeconds:F1} s; " +
            $"{failures.Count} failed sends, resent: {string.Join(", ", failures.GroupBy(f => f).Select(g => $"{g.Key} ×{g.Count()}"))}; " +
            $"the killed silo's learners finished at {orphans.Max(i => lastAck[i]).TotalSeconds:F1} s");
        victim.HasExited.Should().BeTrue();
        killedAfter.Should().BePositive("the silo was killed while answers were still coming in");
        acknowledged.Should().HaveCount(Total, "every attempt is acknowledged in the end, by a survivor if need be");

        var stored = await StoredAttempts();
        stored.Keys.Should().BeEquivalentTo(acknowledged.Keys, "no acknowledged answer is missing, and nothing unacknowledged appears");
        stored.Where(s => s.Value > 1).Should().BeEmpty("a resent attempt is recorded once");
        (await SiloStatus(victim)).Should().Be(6, "the survivors declared the killed silo dead (Orleans SiloStatus.Dead)");

        foreach (var learner in orphans)
        {
            var location = await survivors[learner % survivors.Length].LocateAsync(cookies[learner]);
            survivors.Should().ContainSingle(s => s.Is(location.HostedOn), $"learner {learner}'s grain moved to a survivor");
            foreach (var survivor in survivors)
            {
                var progress = await Progress(survivor, cookies[learner]);
                progress.Quizzes[Quiz].Attempts.Should().Be(AttemptsEach, $"learner {learner}'s history is complete on {survivor.Name}");
                progress.CompletedLessons.Should().Contain(Quiz);
            }
        }
    }

    /// <summary>A new guest: marks the second lesson done on <paramref name="silo"/> and returns the guest cookie it set.</summary>
    async Task<string> NewLearner(SiloProcess silo)
    {
        using var http = silo.Client(TimeSpan.FromSeconds(20));
        using var response = await http.PostAsync($"/c/{Course}/bai-hai?handler=Done", null);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.GetValues("Set-Cookie").Single(v => v.StartsWith("bdhvs.guest=", StringComparison.Ordinal)).Split(';')[0];
    }

    async Task<HttpStatusCode> Submit(SiloProcess silo, string cookie, Guid attempt) =>
        await TrySubmit(silo, cookie, attempt, CancellationToken.None) ?? throw new HttpRequestException($"silo {silo.Name} did not answer");

    async Task<HttpStatusCode?> TrySubmit(SiloProcess silo, string cookie, Guid attempt, CancellationToken cancel)
    {
        using var http = silo.Client(TimeSpan.FromSeconds(10));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/courses/{Course}/quizzes/{Quiz}/attempts")
        {
            Content = new StringContent($$"""{"attemptId":"{{attempt}}","answers":{{_answers}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Cookie", cookie);
        try
        {
            using var response = await http.SendAsync(request, cancel);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
        {
            return null;
        }
    }

    static async Task<HttpStatusCode> Send(SiloProcess silo, string cookie, HttpMethod method, string path)
    {
        using var http = silo.Client(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    static async Task<ProgressDto> Progress(SiloProcess silo, string cookie)
    {
        using var http = silo.Client(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/progress/{Course}");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{silo.Name} answered {body}");
        return JsonSerializer.Deserialize<ProgressDto>(body, JsonSerializerOptions.Web)!;
    }

    /// <summary>Every stored attempt id with how many rows it has, read straight from PostgreSQL.</summary>
    async Task<Dictionary<Guid, long>> StoredAttempts()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "AttemptId", count(*) FROM "QuizAttempts" GROUP BY "AttemptId" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new Dictionary<Guid, long>();
        while (await reader.ReadAsync())
        {
            stored[reader.GetGuid(0)] = reader.GetInt64(1);
        }
        return stored;
    }

    async Task<int> ActiveSilos() => (int)await Scalar<long>("SELECT count(*) FROM orleansmembership WHERE status = 3");

    async Task<int> SiloStatus(SiloProcess silo) =>
        await Scalar<int>($"SELECT status FROM orleansmembership WHERE port = {silo.SiloPort} ORDER BY generation DESC LIMIT 1");

    async Task<T> Scalar<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    sealed record ProgressDto(List<string> CompletedLessons, Dictionary<string, StandingDto> Quizzes, string? LastOpenedLessonSlug);

    sealed record StandingDto(int BestScorePercent, int Attempts);
}
