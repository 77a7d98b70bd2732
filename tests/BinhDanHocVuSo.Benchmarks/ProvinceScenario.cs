using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Content.Assessments;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>
/// <c>province</c>: a province of 1,000,000 learners across 500 communes and 5,000 villages with targets, seeded directly
/// into the database of the running platform; then an administrator opens the province's progress page and the measured
/// commune's leader their commune's, <c>GET /progress</c> and <c>GET /progress?commune=…</c>, one request at a time.
/// </summary>
public static partial class ProvinceScenario
{
    const string Name = "province";
    const string ProvinceId = "bench-tinh";
    const int Communes = 500;
    const int VillagesPerCommune = 10;
    const int OfficialsPerCommune = 2;
    const int Weeks = 12;
    const int Warmup = 5;
    const int Requests = 50;

    public static async Task<bool> RunAsync(BenchOptions options, Cleanup cleanup, CancellationToken cancel)
    {
        var figures = new Figures(Name, options.Database);
        try
        {
            // The platform knows its communes from a folder of province files: this one holds the 500 of the benchmark.
            var communesDir = Directory.CreateTempSubdirectory("bdhvs-bench-province-communes.").FullName;
            cleanup.Add("delete the communes folder", () => Directory.Delete(communesDir, recursive: true));
            await File.WriteAllTextAsync(Path.Combine(communesDir, ProvinceId + ".json"), JsonSerializer.Serialize(new
            {
                province = new { id = ProvinceId, name = "Tỉnh đo hiệu năng" },
                communes = Enumerable.Range(1, Communes).Select(i => new { id = CommuneSlug(i), name = $"Xã thử {i:000}" }),
            }), cancel);
            var (silos, tempDir, postgres) = await Start.SilosAsync(Name, options, cleanup, cancel,
                new Dictionary<string, string> { ["Accounts__CommunesPath"] = communesDir });
            var platform = silos[0];
            figures.Add("cold_start_ms", platform.ColdStart.TotalMilliseconds, "ms");
            using var http = LoadLoop.Client(platform.Address, 2);
            var catalogue = await Catalogue.LoadAsync(http, withQuizzes: false, cancel);
            var course = catalogue.Lessons.Select(l => l.Course).First();
            var survey = SurveyReportScenario.LoadSurvey(options.Repo);

            await using var db = await SeedDb.OpenAsync(tempDir, postgres, cancel);
            var measured = CommuneId(1);
            using var admin = await WebAccount.CreateAsync(platform.Address, db, "Admin", cancel, commune: CommuneId(2));
            using var leader = await WebAccount.CreateAsync(platform.Address, db, "Official", cancel, commune: measured);

            Console.Error.WriteLine($"seeding {options.ProvinceLearners:N0} learners across {Communes} communes and {Communes * VillagesPerCommune} villages, course {course}…");
            var seeding = Stopwatch.StartNew();
            var ageBand = survey.Background.Single(q => q.Kind == BackgroundKind.Choice).Options[0].Id;
            var seed = await SeedAsync(db, options.ProvinceLearners, course, survey.Id, survey.Version, ageBand, [.. survey.Roles.Select(r => r.Id)], admin.Id, leader.Id, measured, cancel);
            Console.Error.WriteLine($"seeded {seed.Rows:N0} rows in {seeding.Elapsed.TotalSeconds:F1} s ({seed.Rows / seeding.Elapsed.TotalSeconds:F0} rows/s): " +
                $"{seed.Finished:N0} finished the course ({seed.FinishedInMeasured:N0} in {measured}), {seed.Assisted:N0} assisted");
            figures.Add("seed_ms", seeding.Elapsed.TotalMilliseconds, "ms");
            figures.Add("learners", options.ProvinceLearners, "count");
            figures.Add("communes", Communes, "count");
            figures.Add("villages", Communes * VillagesPerCommune, "count");
            figures.Add("finished", seed.Finished, "count");

            var ok = await MeasureAsync(figures, "", platform, admin.Http, "/progress", "*", seed.Finished, cancel);
            ok &= await MeasureAsync(figures, "_commune", platform, leader.Http, $"/progress?commune={Uri.EscapeDataString(measured)}", measured, seed.FinishedInMeasured, cancel);
            return ok;
        }
        finally
        {
            await cleanup.RunAsync();
        }
    }

    static string CommuneSlug(int i) => $"xa-{i:000}";

    static string CommuneId(int i) => $"{ProvinceId}/{CommuneSlug(i)}";

    /// <summary>
    /// The first request (the one that counts the figures), <see cref="Warmup"/> untimed ones, then <see cref="Requests"/>
    /// timed ones; each must answer 200 and show <paramref name="expected"/> on the total line of <paramref name="key"/>.
    /// </summary>
    static async Task<bool> MeasureAsync(Figures figures, string suffix, Platform platform, HttpClient http, string path, string key, int expected, CancellationToken cancel)
    {
        // The count on the total line, with or without thousands separators.
        var total = new Regex($"<tr data-key=\"{Regex.Escape(key)}\">\\s*<th scope=\"row\">[^<]*</th>\\s*<td data-figure=\"count\">{string.Join("\\.?", expected.ToString(CultureInfo.InvariantCulture).Select(c => c.ToString()))}</td>");
        long chars = 0;
        async Task<Outcome> Open(int worker, long turn, CancellationToken token)
        {
            using var response = await http.GetAsync(path, token);
            var body = await response.Content.ReadAsStringAsync(token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Outcome.Failed($"GET {path} answered {(int)response.StatusCode}");
            }
            if (!total.IsMatch(body))
            {
                return Outcome.Failed($"GET {path} does not show the total {expected:N0} on the line {key}");
            }
            Interlocked.Exchange(ref chars, body.Length);
            return Outcome.Success;
        }

        var first = await LoadLoop.RunAsync(1, TimeSpan.FromMinutes(10), 1, Open, cancel);
        if (first.Errors > 0 || first.Count == 0)
        {
            Console.Error.WriteLine($"GET {path}: the first request failed");
            figures.Add("errors" + suffix, 1, "count");
            return false;
        }
        figures.Add("first_ms" + suffix, first.Percentile(100), "ms");
        Console.Error.WriteLine($"GET {path}: first request (counts the figures) {first.Percentile(100):F0} ms; warm-up: {Warmup} requests…");
        var warmup = await LoadLoop.RunAsync(1, TimeSpan.FromMinutes(10), Warmup, Open, cancel);
        var before = CpuSample.Take(platform);
        var load = await LoadLoop.RunAsync(1, TimeSpan.FromMinutes(10), Requests, Open, cancel);
        var after = CpuSample.Take(platform);
        figures.Add("p50_ms" + suffix, load.Percentile(50), "ms");
        figures.Add("p99_ms" + suffix, load.Percentile(99), "ms");
        figures.Add("max_ms" + suffix, load.Percentile(100), "ms");
        figures.Add("rate" + suffix, load.Rate, "ops/s");
        figures.Add("errors" + suffix, warmup.Errors + load.Errors, "count");
        figures.Add("page_chars" + suffix, Interlocked.Read(ref chars), "chars");
        if (suffix.Length == 0)
        {
            figures.AddCpu(before, after);
        }
        Console.Error.WriteLine($"GET {path}: {load.Count} pages, p50 {load.Percentile(50):F1} ms, p99 {load.Percentile(99):F1} ms, {load.Errors + warmup.Errors} errors (target: p99 under 500 ms)");
        if (warmup.Errors + load.Errors > 0 || load.Count == 0)
        {
            Console.Error.WriteLine($"GET {path} failed");
            return false;
        }
        return true;
    }

    sealed record Seeded(long Rows, int Finished, int FinishedInMeasured, int Assisted);

    /// <summary>
    /// Villages (10 a commune, each with its adults), one team a commune covering them, 1,000,000 learner accounts spread
    /// over the communes (9 in 10 chose a village), an enrolment in <paramref name="course"/> for 6 in 10 of them of which
    /// half finished within the last 12 weeks (a third of all), 1 in 50 finishers registered by their commune's team,
    /// 2 officials a commune (half took the survey), the leader's survey answer naming the leadership position, and the
    /// targets: the province's course and survey targets and the measured commune's course target, all begun 12 weeks ago.
    /// One transaction.
    /// </summary>
    static async Task<Seeded> SeedAsync(SeedDb db, int learners, string course, string surveyId, int surveyVersion, string ageBand, string[] roles, Guid adminId, Guid leaderId, string measured,
        CancellationToken cancel)
    {
        var random = new Random(20261207);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now.AddHours(7));
        var startsOn = today.AddDays(-7 * Weeks + 1);
        long rows = 0;
        if (db.IsSqlite)
        {
            // A million rows go into indexes keyed by random ids: with SQLite's default 2 MB page cache nearly every row
            // writes pages out again, and each multi-row INSERT in the long transaction keeps a statement journal, by
            // default in a temporary file (gigabytes written in all). This connection's settings only.
            await db.ExecuteAsync(null, "PRAGMA cache_size = -524288", cancel);
            await db.ExecuteAsync(null, "PRAGMA temp_store = MEMORY", cancel);
        }
        var roleId = await db.ScalarAsync("""SELECT "Id" FROM "AspNetRoles" WHERE "Name" = 'Official'""", cancel) ?? throw new BenchException("no Official role");
        await using var tx = db.Begin();
        var bulk = new Bulk(db, tx, cancel);

        var villages = new List<(string Id, string Commune)>();
        rows += await bulk.InsertAsync("Villages", ["Id", "Commune", "Name", "AdultPopulation", "UpdatedAt"], Enumerable.Range(1, Communes).SelectMany(c =>
            Enumerable.Range(1, VillagesPerCommune).Select(v =>
            {
                var id = $"{CommuneId(c)}/thon-{v:00}";
                villages.Add((id, CommuneId(c)));
                return new object?[] { id, CommuneId(c), $"Thôn thử {v:00} (xã {c:000})", random.Next(300, 900), now };
            })));
        var teams = Enumerable.Range(1, Communes).Select(_ => Guid.NewGuid()).ToArray();
        rows += await bulk.InsertAsync("Teams", ["Id", "Commune", "Name", "CreatedAt", "CreatedBy"],
            teams.Select((t, i) => new object?[] { db.Id(t), CommuneId(i + 1), $"Tổ công nghệ số cộng đồng xã {i + 1:000}", now.AddDays(-90), db.Id(adminId) }));
        rows += await bulk.InsertAsync("TeamVillages", ["TeamId", "VillageId"], villages.Select((v, i) => new object?[] { db.Id(teams[i / VillagesPerCommune]), v.Id }));

        var learnerVillages = new List<object?[]>(learners);
        var enrolments = new List<object?[]>(learners);
        var assisted = new List<object?[]>();
        var officials = new List<object?[]>();
        var responses = new List<object?[]>();
        var (finished, finishedInMeasured) = (0, 0);
        IEnumerable<object?[]> Users()
        {
            for (var i = 0; i < learners; i++)
            {
                var id = db.Id(Guid.NewGuid());
                var c = i % Communes;
                var commune = CommuneId(c + 1);
                var created = now.AddDays(-random.Next(1, 120)).AddMinutes(-random.Next(0, 1440));
                string? village = null;
                if (random.NextDouble() < 0.9)
                {
                    village = villages[c * VillagesPerCommune + random.Next(VillagesPerCommune)].Id;
                    learnerVillages.Add([id, village, created]);
                }
                var roll = random.NextDouble();
                if (roll < 0.6)
                {
                    DateTime? completed = null;
                    if (roll < 1 / 3.0)
                    {
                        completed = now.AddMinutes(-random.Next(1, Weeks * 7 * 1440));
                        finished++;
                        finishedInMeasured += commune == measured ? 1 : 0;
                        if (village is not null && random.NextDouble() < 0.02)
                        {
                            assisted.Add([id, db.Id(teams[c]), commune, village, "phone", "07" + (20_000_000 + i).ToString(CultureInfo.InvariantCulture), null,
                                VietnameseNames.Next(random), 1950 + random.Next(40), completed.Value.AddDays(-3), db.Id(adminId), completed.Value.AddDays(-3), null]);
                        }
                    }
                    var started = (completed ?? now).AddDays(-random.Next(1, 20));
                    enrolments.Add([id, course, started, completed, null, completed ?? started]);
                }
                if (i < Communes * OfficialsPerCommune)
                {
                    officials.Add([id, roleId]);
                    if (i % 2 == 0)
                    {
                        var at = now.AddMinutes(-random.Next(1, Weeks * 7 * 1440));
                        responses.Add(Response(db.Id(Guid.NewGuid()), id, commune, roles[random.Next(roles.Length)], at));
                    }
                }
                yield return [id, VietnameseNames.Next(random), commune, false, created, "07" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture), false, true,
                    Guid.NewGuid().ToString("N")];
            }
        }
        object?[] Response(object id, object respondent, string commune, string role, DateTime at) =>
            [id, respondent, surveyId, surveyVersion, commune, role, ageBand, 1, at.AddMinutes(-20), at, at, 1L, null, null, null, false, false];

        rows += await bulk.InsertAsync("AspNetUsers", ["Id", "FullName", "Commune", "MustChangePassword", "CreatedAt", "UserName", "NormalizedUserName",
            "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "SecurityStamp", "ConcurrencyStamp"],
            Users().Select(u => new[] { u[0], u[1], u[2], u[3], u[4], u[5], u[5], u[6], u[6], u[6], u[7], 0, u[8], u[8] }));
        Console.Error.WriteLine($"  {learners:N0} accounts…");
        rows += await bulk.InsertAsync("LearnerVillages", ["UserId", "VillageId", "ChosenAt"], learnerVillages);
        rows += await bulk.InsertAsync("CourseEnrolments", ["LearnerId", "CourseSlug", "StartedAt", "CompletedAt", "LastLessonSlug", "LastOpenedAt"], enrolments);
        Console.Error.WriteLine($"  {learnerVillages.Count:N0} villages chosen, {enrolments.Count:N0} enrolments…");
        rows += await bulk.InsertAsync("AssistedPeople", ["UserId", "TeamId", "Commune", "VillageId", "Kind", "Phone", "HouseholdPhone", "FullName", "BirthYear",
            "ConsentAt", "RegisteredBy", "RegisteredAt", "AdoptedAt"], assisted);
        rows += await bulk.InsertAsync("AspNetUserRoles", ["UserId", "RoleId"], officials);
        responses.Add(Response(db.Id(Guid.NewGuid()), db.Id(leaderId), measured, "leadership", now.AddDays(-2)));
        rows += await bulk.InsertAsync("SurveyResponses", ["Id", "RespondentId", "SurveyId", "SurveyVersion", "Commune", "RoleId", "AgeBandId", "LastPage",
            "StartedAt", "UpdatedAt", "SubmittedAt", "Version", "ScoredWith", "Tally", "ItemValues", "FailedAttentionCheck", "TooFast"], responses);
        object? Day(DateOnly day) => db.IsSqlite ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day;
        rows += await bulk.InsertAsync("Targets", ["Id", "Commune", "Kind", "CourseSlug", "Percent", "StartsOn", "DueOn", "CreatedAt", "CreatedBy"],
        [
            [db.Id(Guid.NewGuid()), null, "course", course, 70, Day(startsOn), Day(today.AddMonths(3)), now.AddDays(-7 * Weeks), db.Id(adminId)],
            [db.Id(Guid.NewGuid()), null, "survey", null, 100, Day(startsOn), Day(today.AddMonths(1)), now.AddDays(-7 * Weeks).AddMinutes(1), db.Id(adminId)],
            [db.Id(Guid.NewGuid()), measured, "course", course, 80, Day(startsOn), Day(today.AddMonths(2)), now.AddDays(-7 * Weeks).AddMinutes(2), db.Id(leaderId)],
        ]);
        await tx.CommitAsync(cancel);
        return new Seeded(rows, finished, finishedInMeasured, assisted.Count);
    }

    /// <summary>
    /// Rows in bulk in the open transaction: on SQLite, prepared INSERTs of many rows each (as many as its limit of
    /// parameters allows, up to 500); on PostgreSQL, binary COPY.
    /// </summary>
    sealed class Bulk(SeedDb db, System.Data.Common.DbTransaction tx, CancellationToken cancel)
    {
        const int MaxRows = 500;
        const int MaxParameters = 30_000;

        public async Task<long> InsertAsync(string table, string[] columns, IEnumerable<object?[]> rows)
        {
            if (!db.IsSqlite)
            {
                long copied = 0;
                foreach (var chunk in rows.Chunk(50_000))
                {
                    await db.CopyAsync(table, columns, chunk, cancel);
                    copied += chunk.Length;
                }
                return copied;
            }
            var perStatement = Math.Min(MaxRows, MaxParameters / columns.Length);
            System.Data.Common.DbCommand? full = null;
            long written = 0;
            try
            {
                foreach (var chunk in rows.Chunk(perStatement))
                {
                    var command = chunk.Length == perStatement ? full ??= Prepare(table, columns, perStatement) : Prepare(table, columns, chunk.Length);
                    for (var r = 0; r < chunk.Length; r++)
                    {
                        for (var c = 0; c < columns.Length; c++)
                        {
                            command.Parameters[r * columns.Length + c].Value = chunk[r][c] ?? DBNull.Value;
                        }
                    }
                    written += await command.ExecuteNonQueryAsync(cancel);
                    if (command != full)
                    {
                        await command.DisposeAsync();
                    }
                }
            }
            finally
            {
                if (full is not null)
                {
                    await full.DisposeAsync();
                }
            }
            return written;
        }

        System.Data.Common.DbCommand Prepare(string table, string[] columns, int count)
        {
            var sql = new StringBuilder($"""INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES """);
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (").AppendJoin(", ", columns.Select((_, c) => $"@p{r * columns.Length + c}")).Append(')');
            }
            return db.Prepare(tx, sql.ToString(), count * columns.Length);
        }
    }
}
