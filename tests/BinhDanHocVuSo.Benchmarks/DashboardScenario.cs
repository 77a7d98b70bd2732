using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>
/// <c>dashboard</c>: a trainer's group of 5,000 members with 3 assigned courses, seeded directly into the database
/// of the running platform (some members done, some in progress, answers to the lesson quizzes); then
/// <c>GET /groups/{id}</c> is timed sequentially, as the trainer would open it.
/// </summary>
public static class DashboardScenario
{
    const string Name = "dashboard";
    const int Members = 5000;
    const int AssignedCourses = 3;
    const int Warmup = 5;
    const int Requests = 50;

    public static async Task<bool> RunAsync(BenchOptions options, Cleanup cleanup, CancellationToken cancel)
    {
        var figures = new Figures(Name, options.Database);
        try
        {
            var (platform, tempDir, postgres) = await Start.PlatformAsync(Name, options, cleanup, cancel);
            figures.Add("cold_start_ms", platform.ColdStart.TotalMilliseconds, "ms");
            using var http = LoadLoop.Client(platform.Address, 4);
            var catalogue = await Catalogue.LoadAsync(http, withQuizzes: true, cancel);
            var courses = catalogue.Lessons.Select(l => l.Course).Distinct()
                .OrderByDescending(c => catalogue.Quizzes.Count(q => q.Course == c)).Take(AssignedCourses).ToList();
            if (courses.Count < AssignedCourses)
            {
                throw new BenchException($"the catalogue has {courses.Count} courses; the dashboard scenario assigns {AssignedCourses}");
            }

            await using var db = await SeedDb.OpenAsync(tempDir, postgres, cancel);
            using var trainer = await WebAccount.CreateAsync(platform.Address, db, "Trainer", cancel);
            var seeding = Stopwatch.StartNew();
            var (groupId, rows) = await SeedAsync(db, trainer.Id, courses, catalogue.Quizzes, cancel);
            Console.Error.WriteLine($"seeded a group of {Members} members with {AssignedCourses} courses ({string.Join(", ", courses)}): {rows} rows in {seeding.Elapsed.TotalSeconds:F1} s");
            figures.Add("seed_ms", seeding.Elapsed.TotalMilliseconds, "ms");

            var path = $"/groups/{groupId}";
            var expected = $"{Members} thành viên";
            long bytes = 0;
            async Task<Outcome> Open(int worker, long turn, CancellationToken token)
            {
                using var response = await trainer.Http.GetAsync(path, token);
                var body = await response.Content.ReadAsStringAsync(token);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return Outcome.Failed($"GET {path} answered {(int)response.StatusCode}");
                }
                if (!body.Contains(expected, StringComparison.Ordinal) && !WebUtility.HtmlDecode(body).Contains(expected, StringComparison.Ordinal))
                {
                    return Outcome.Failed($"GET {path} does not say \"{expected}\"");
                }
                Interlocked.Exchange(ref bytes, body.Length);
                return Outcome.Success;
            }

            Console.Error.WriteLine($"warm-up: {Warmup} requests of GET {path}…");
            var warmup = await LoadLoop.RunAsync(1, TimeSpan.FromMinutes(10), Warmup, Open, cancel);
            if (warmup.Errors > 0)
            {
                throw new BenchException($"the dashboard failed in the warm-up ({warmup.Errors} of {Warmup})");
            }
            // The first view also computes the group's quiz figures (IGroupQuizStatsGrain); later views read its snapshot.
            figures.Add("first_view_ms", warmup.Percentile(100), "ms");
            Console.Error.WriteLine($"measuring {Requests} sequential requests (first warm-up request, with the quiz figures computed: {warmup.Percentile(100):F0} ms)…");
            var before = CpuSample.Take(platform);
            var load = await LoadLoop.RunAsync(1, TimeSpan.FromMinutes(10), Requests, Open, cancel);
            var after = CpuSample.Take(platform);
            figures.AddLoad(load);
            figures.AddCpu(before, after);
            figures.Add("members", Members, "count");
            figures.Add("assigned_courses", AssignedCourses, "count");
            figures.Add("page_chars", Interlocked.Read(ref bytes), "chars");
            Console.Error.WriteLine($"dashboard: {load.Count} pages, {load.Rate:F1}/s, p50 {load.Percentile(50):F1} ms, p99 {load.Percentile(99):F1} ms, {load.Errors} errors (target: under 200 ms)");
            if (load.Errors > 0 || load.Count == 0)
            {
                throw new BenchException($"{load.Errors} of {Requests} dashboard requests failed");
            }
            return true;
        }
        finally
        {
            await cleanup.RunAsync();
        }
    }

    /// <summary>
    /// The group, its trainer, 3 assignments (one without a due date, one due in a month, one overdue), 5,000
    /// member accounts; per member and course about 35% done, 35% in progress, 30% not started, with quiz attempts,
    /// their answers and active days. One transaction.
    /// </summary>
    static async Task<(Guid Group, long Rows)> SeedAsync(SeedDb db, Guid trainerId, List<string> courses, IReadOnlyList<QuizTemplate> quizzes, CancellationToken cancel)
    {
        var random = new Random(20261123);
        var now = DateTime.UtcNow;
        var groupId = Guid.NewGuid();
        long rows = 0;
        await using var tx = db.Begin();
        rows += await db.ExecuteAsync(tx, """
            INSERT INTO "Groups" ("Id", "Name", "Commune", "JoinCode", "CreatedBy", "CreatedAt", "ArchivedAt")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, NULL)
            """, cancel, db.Id(groupId), "Cán bộ và người dân phường Thục Phán", WebAccount.Commune,
            "BENCH" + random.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture), db.Id(trainerId), now.AddDays(-60));
        rows += await db.ExecuteAsync(tx, """INSERT INTO "GroupTrainers" ("GroupId", "TrainerId") VALUES (@p0, @p1)""", cancel, db.Id(groupId), db.Id(trainerId));
        DateTime?[] due = [null, now.AddDays(30), now.AddDays(-3)];
        for (var c = 0; c < courses.Count; c++)
        {
            rows += await db.ExecuteAsync(tx, """
                INSERT INTO "Assignments" ("GroupId", "CourseSlug", "DueAt", "AssignedAt", "AssignedBy") VALUES (@p0, @p1, @p2, @p3, @p4)
                """, cancel, db.Id(groupId), courses[c], due[c % due.Length], now.AddDays(-50 + c), db.Id(trainerId));
        }

        var courseQuizzes = courses.Select(c => quizzes.Where(q => q.Course == c)
            .Select(q => (q.QuizId, Questions: QuestionsOf(q))).ToList()).ToList();

        await using var user = db.Prepare(tx, """
            INSERT INTO "AspNetUsers" ("Id", "FullName", "Commune", "MustChangePassword", "CreatedAt", "UserName", "NormalizedUserName",
                "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "SecurityStamp", "ConcurrencyStamp")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p5, @p6, @p6, @p6, @p7, 0, @p8, @p8)
            """, 9);
        await using var learner = db.Prepare(tx, """INSERT INTO "Learners" ("Id", "Version", "CreatedAt") VALUES (@p0, @p1, @p2)""", 3);
        await using var member = db.Prepare(tx, """INSERT INTO "GroupMembers" ("GroupId", "LearnerId", "JoinedAt") VALUES (@p0, @p1, @p2)""", 3);
        await using var enrolment = db.Prepare(tx, """
            INSERT INTO "CourseEnrolments" ("LearnerId", "CourseSlug", "StartedAt", "CompletedAt", "LastLessonSlug", "LastOpenedAt")
            VALUES (@p0, @p1, @p2, @p3, NULL, @p4)
            """, 5);
        await using var attempt = db.Prepare(tx, """
            INSERT INTO "QuizAttempts" ("LearnerId", "AttemptId", "CourseSlug", "QuizId", "QuizVersion", "SubmittedAt", "Correct", "Total", "ScorePercent", "Passed", "CourseCompleted")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)
            """, 11);
        await using var answer = db.Prepare(tx, """
            INSERT INTO "QuizAnswers" ("LearnerId", "AttemptId", "QuestionId", "Answer", "RightAnswer", "IsCorrect") VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
            """, 6);
        await using var day = db.Prepare(tx, """INSERT INTO "LearnerDays" ("LearnerId", "Day") VALUES (@p0, @p1)""", 2);

        for (var m = 0; m < Members; m++)
        {
            var id = Guid.NewGuid();
            var lid = db.Id(id);
            var joined = now.AddDays(-random.Next(1, 45)).AddMinutes(-random.Next(0, 1440));
            var phone = "08" + (10_000_000 + m).ToString(System.Globalization.CultureInfo.InvariantCulture);
            rows += await SeedDb.RunAsync(user, cancel, lid, VietnameseNames.Next(random), WebAccount.Commune, false, joined, phone, false, true, Guid.NewGuid().ToString("N"));
            rows += await SeedDb.RunAsync(learner, cancel, lid, 1L, joined);
            rows += await SeedDb.RunAsync(member, cancel, db.Id(groupId), lid, joined);
            var active = false;
            for (var c = 0; c < courses.Count; c++)
            {
                var roll = random.NextDouble();
                if (roll >= 0.70)
                {
                    continue; // not started
                }
                active = true;
                var done = roll < 0.35;
                var started = joined.AddHours(random.Next(1, 72));
                var last = started.AddHours(random.Next(1, 240));
                if (last > now)
                {
                    last = now.AddMinutes(-random.Next(1, 600));
                }
                rows += await SeedDb.RunAsync(enrolment, cancel, lid, courses[c], started, done ? last : null, last);
                var taken = done ? courseQuizzes[c] : courseQuizzes[c].Take(Math.Max(1, courseQuizzes[c].Count / 2)).ToList();
                foreach (var (quizId, questions) in taken)
                {
                    // Some learners take a quiz twice: every attempt counts for the question statistics.
                    var tries = random.NextDouble() < 0.2 ? 2 : 1;
                    for (var t = 0; t < tries; t++)
                    {
                        var attemptId = db.Id(Guid.NewGuid());
                        var correct = 0;
                        var results = new bool[questions.Count];
                        for (var q = 0; q < questions.Count; q++)
                        {
                            results[q] = random.NextDouble() < 0.75;
                            correct += results[q] ? 1 : 0;
                        }
                        var score = questions.Count == 0 ? 100 : correct * 100 / questions.Count;
                        rows += await SeedDb.RunAsync(attempt, cancel, lid, attemptId, courses[c], quizId, "1", started.AddMinutes(10 + t * 5),
                            correct, questions.Count, score, score >= 70, false);
                        for (var q = 0; q < questions.Count; q++)
                        {
                            var (questionId, rightAnswer) = questions[q];
                            rows += await SeedDb.RunAsync(answer, cancel, lid, attemptId, questionId,
                                results[q] ? rightAnswer : "[\"khac\"]", rightAnswer, results[q]);
                        }
                    }
                }
            }
            if (active)
            {
                var days = new HashSet<DateOnly>();
                var count = random.Next(1, 6);
                for (var d = 0; d < count; d++)
                {
                    days.Add(DateOnly.FromDateTime(now.AddHours(7).AddDays(-random.Next(0, 30))));
                }
                foreach (var d in days)
                {
                    rows += await SeedDb.RunAsync(day, cancel, lid, db.IsSqlite ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : d);
                }
            }
        }
        await tx.CommitAsync(cancel);
        return (groupId, rows);
    }

    /// <summary>The question ids of a lesson quiz and a stored-answer text for each (the answer the harness would send).</summary>
    static List<(string Id, string Answer)> QuestionsOf(QuizTemplate quiz)
    {
        using var json = JsonDocument.Parse(quiz.AnswersJson);
        return [.. json.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetRawText()))];
    }
}
