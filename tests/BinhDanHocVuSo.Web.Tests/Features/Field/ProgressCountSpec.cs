using System.Data.Common;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BinhDanHocVuSo.Web.Tests.Features.Field.FieldSeed;

namespace BinhDanHocVuSo.Web.Tests.Features.Field;

/// <summary>
/// Every figure the progress pages show (province, commune, village, "no village chosen", team) equals a count made
/// straight from the database with plain SQL written here, apart from the product's queries: learners who finished the
/// target's course, by the commune of their account and the village they chose, and the adults of the villages.
/// </summary>
public abstract class ProgressCountSpec(DatabaseProvider provider) : PlatformSpec(provider)
{
    const string A = People.Commune, B = People.OtherCommune, C = "cao-bang/phuong-tan-giang";
    const string OtherCourse = "khoa-khac";
    const string TeamName = "Tổ Nà Lần – Pác Bó";

    [Fact]
    public async Task Every_figure_on_the_progress_pages_equals_a_count_straight_from_the_database()
    {
        var random = new Random(21);
        var villagesOfA = new[] { A + "/thon-na-lan", A + "/thon-pac-bo", A + "/thon-khuoi-khon", A + "/thon-nam-tuan" };
        var villagesOfB = new[] { B + "/thon-ban-gioc", B + "/thon-dam-thuy" };
        await Platform.VillagesAsync([.. villagesOfA.Concat(villagesOfB).Select(v => (v, "Thôn " + v[(v.LastIndexOf('/') + 1)..], (int?)random.Next(150, 700)))]);
        foreach (var village in villagesOfA.Concat(villagesOfB))
        {
            var commune = village[..village.LastIndexOf('/')];
            // One village where nobody finished yet: 0 is a figure too.
            await Platform.LearnersAsync(commune, village, village.EndsWith("nam-tuan", StringComparison.Ordinal) ? 0 : random.Next(5, 15));
            await Platform.LearnersAsync(commune, village, random.Next(0, 4), finished: false);
            await Platform.LearnersAsync(commune, village, random.Next(0, 4), OtherCourse);
        }
        await Platform.LearnersAsync(A, null, random.Next(5, 10));
        await Platform.LearnersAsync(A, null, 3, finished: false);
        await Platform.LearnersAsync(B, null, 5);
        await Platform.LearnersAsync(C, null, 7);
        await Platform.LearnersAsync(C, null, 2, OtherCourse);
        await Platform.TeamAsync(A, TeamName, [villagesOfA[0], villagesOfA[1]]);
        var team = await InScope(s => s.GetRequiredService<AppDbContext>().Teams().Where(t => t.Name == TeamName).Select(t => t.Id).SingleAsync());
        await Platform.TargetAsync(null);
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var pages = new Dictionary<string, string>
        {
            ["/progress"] = await admin.GetStringAsync("/progress"),
            ["/progress?commune=A"] = await admin.GetStringAsync($"/progress?commune={Uri.EscapeDataString(A)}"),
            ["/progress?commune=B"] = await admin.GetStringAsync($"/progress?commune={Uri.EscapeDataString(B)}"),
            ["/progress?commune=C"] = await admin.GetStringAsync($"/progress?commune={Uri.EscapeDataString(C)}"),
            ["/progress?team"] = await admin.GetStringAsync($"/progress?team={team}"),
        };
        var shown = new List<string>();
        var counted = new List<string>();
        foreach (var (url, page) in pages)
        {
            var rows = Tables(page).Should().ContainSingle($"{url} shows the one target").Subject;
            foreach (var row in rows)
            {
                var key = row.Key == team.ToString() ? "team" : row.Key;
                shown.Add($"{url} {key}: {row.Count} of {row.Base}");
                var (count, adults) = await IndependentAsync(key);
                counted.Add($"{url} {key}: {count} of {adults?.ToString(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) ?? "—"}");
            }
        }

        shown.Should().Equal(counted);
        shown.Should().Contain(s => s.StartsWith("/progress *: ", StringComparison.Ordinal))
            .And.Contain(s => s.StartsWith($"/progress?commune=A {A}/-: ", StringComparison.Ordinal))
            .And.Contain(s => s.StartsWith("/progress?team team: ", StringComparison.Ordinal))
            .And.HaveCountGreaterThan(15);
    }

    /// <summary>The finished learners and the adults a key of the progress pages stands for, counted with SQL of its own.</summary>
    async Task<(int Count, int? Adults)> IndependentAsync(string key)
    {
        const string Finished = """EXISTS (SELECT 1 FROM "CourseEnrolments" e WHERE e."LearnerId" = u."Id" AND e."CourseSlug" = @course AND e."CompletedAt" IS NOT NULL)""";
        if (key == "*")
        {
            return (await CountSqlAsync($"""SELECT COUNT(*) FROM "AspNetUsers" u WHERE u."Commune" LIKE 'cao-bang/%' AND {Finished}"""), null);
        }
        if (key == "team")
        {
            const string Covered = """SELECT tv."VillageId" FROM "TeamVillages" tv JOIN "Teams" t ON t."Id" = tv."TeamId" WHERE t."Name" = @name""";
            return (await CountSqlAsync($"""SELECT COUNT(*) FROM "AspNetUsers" u JOIN "LearnerVillages" l ON l."UserId" = u."Id" WHERE l."VillageId" IN ({Covered}) AND {Finished}""", ("name", TeamName)),
                await ScalarAsync($"""SELECT SUM(v."AdultPopulation") FROM "Villages" v WHERE v."Id" IN ({Covered})""", ("name", TeamName)));
        }
        if (key.EndsWith("/-", StringComparison.Ordinal))
        {
            return (await CountSqlAsync($"""
                SELECT COUNT(*) FROM "AspNetUsers" u
                WHERE u."Commune" = @commune AND {Finished} AND NOT EXISTS (SELECT 1 FROM "LearnerVillages" l WHERE l."UserId" = u."Id")
                """, ("commune", key[..^2])), null);
        }
        if (key.Count(c => c == '/') == 2)
        {
            return (await CountSqlAsync($"""SELECT COUNT(*) FROM "AspNetUsers" u JOIN "LearnerVillages" l ON l."UserId" = u."Id" WHERE l."VillageId" = @village AND {Finished}""", ("village", key)),
                await ScalarAsync("""SELECT "AdultPopulation" FROM "Villages" WHERE "Id" = @village""", ("village", key)));
        }
        return (await CountSqlAsync($"""SELECT COUNT(*) FROM "AspNetUsers" u WHERE u."Commune" = @commune AND {Finished}""", ("commune", key)),
            await ScalarAsync("""SELECT SUM("AdultPopulation") FROM "Villages" WHERE "Commune" = @commune""", ("commune", key)));
    }

    async Task<int> CountSqlAsync(string sql, params (string Name, string Value)[] parameters) => await ScalarAsync(sql, parameters) ?? 0;

    async Task<int?> ScalarAsync(string sql, params (string Name, string Value)[] parameters) => await InScope(async services =>
    {
        var connection = services.GetRequiredService<AppDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters.Append(("course", Course)))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? (int?)null : Convert.ToInt32(result, System.Globalization.CultureInfo.InvariantCulture);
    });
}

public sealed class ProgressCountOnSqlite() : ProgressCountSpec(DatabaseProvider.Sqlite);

public sealed class ProgressCountOnPostgres() : ProgressCountSpec(DatabaseProvider.Postgres);
