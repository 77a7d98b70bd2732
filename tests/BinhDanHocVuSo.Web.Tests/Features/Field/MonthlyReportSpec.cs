using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Field;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Features.Survey;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static BinhDanHocVuSo.Web.Tests.Features.Field.FieldSeed;

namespace BinhDanHocVuSo.Web.Tests.Features.Field;

/// <summary>
/// The monthly report a commune (or the province) sends upward, <c>/progress/report?month=2026-11</c>: its figures are
/// what the database holds up to the end of the month in Vietnam (a course finished on the 1st of the next month is
/// not in it), no figure about 1 to 4 people appears in the page, the CSV or the Excel file, a leader reads their own
/// commune's report only, and the files download with Vietnamese a spreadsheet reads.
/// </summary>
public abstract partial class MonthlyReportSpec(DatabaseProvider provider) : PlatformSpec(provider)
{
    const string A = People.Commune, B = People.OtherCommune, C = "cao-bang/phuong-tan-giang";
    const string OtherCourse = "khoa-khac";
    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The first instant of 1 December 2026 in Vietnam, in UTC: the end of the November report.</summary>
    static readonly DateTime December = new(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc);

    static string Report(string? commune, string month = "2026-11", string? handler = null) =>
        "/progress/report?" + (handler is null ? "" : $"handler={handler}&") + (commune is null ? "" : $"commune={Uri.EscapeDataString(commune)}&") + $"month={month}";

    [Fact]
    public async Task Every_figure_of_the_November_report_equals_a_count_from_the_database_up_to_the_last_instant_of_November()
    {
        var random = new Random(2611);
        string[] villagesOfA = [A + "/thon-na-lan", A + "/thon-pac-bo", A + "/thon-khuoi-khon"], villagesOfB = [B + "/thon-ban-gioc"];
        await Platform.VillagesAsync([.. villagesOfA.Concat(villagesOfB).Select(v => (v, "Thôn " + v[(v.LastIndexOf('/') + 1)..], (int?)random.Next(100, 600)))]);
        var october = new DateTime(2026, 10, 5, 2, 0, 0, DateTimeKind.Utc);
        foreach (var village in villagesOfA.Concat(villagesOfB))
        {
            var commune = village[..village.LastIndexOf('/')];
            await LearnersAsync(commune, village, random.Next(5, 9), october, october.AddDays(3));
            await LearnersAsync(commune, village, random.Next(0, 3), october, December.AddTicks(-1));
            // Finished at midnight on 1 December (Vietnam): the December report's, not November's.
            await LearnersAsync(commune, village, random.Next(1, 4), october, December);
            await LearnersAsync(commune, village, random.Next(0, 3), october, null);
            await LearnersAsync(commune, village, random.Next(5, 8), october, october.AddDays(1), OtherCourse);
            // Registered on 1 December: not yet in November's registered figure.
            await LearnersAsync(commune, village, random.Next(1, 4), December, null);
        }
        await LearnersAsync(A, null, 6, october, october.AddDays(2));
        await LearnersAsync(B, null, 5, october, December);
        await Platform.SubmittedRespondentAsync(commune: A);
        await Platform.TargetAsync(null);
        await Platform.TargetAsync(A, 50, OtherCourse);
        await SurveyTargetAsync();
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var shown = new List<string>();
        var counted = new List<string>();
        var facts = await FactsAsync();
        foreach (var (commune, url) in new[] { (null, Report(null)), ((string?)A, Report(A)), (B, Report(B)) })
        {
            var targets = facts.Targets.Where(t => t.Commune == null || t.Commune == commune).OrderByDescending(t => t.CreatedAt).ToList();
            var rows = Rows(await admin.GetStringAsync(url));
            rows.Should().NotBeEmpty();
            foreach (var row in rows)
            {
                foreach (var (figure, text) in row.Cells)
                {
                    shown.Add($"{url} {row.Key} {figure}: {text}");
                    counted.Add($"{url} {row.Key} {figure}: {Independent(facts, targets, row.Key, figure)}");
                }
            }
        }

        shown.Should().Equal(counted);
        shown.Should().Contain(s => s.Contains($"{A}/thon-na-lan t0:", StringComparison.Ordinal))
            .And.Contain(s => s.Contains(" * registered:", StringComparison.Ordinal))
            .And.Contain($"{Report(null)} {A} t0: < 5", "the newest province target is the survey, which one official of A took in November")
            .And.HaveCountGreaterThan(40);
        var boundary = await CountAsync(db => db.CourseEnrolments.Where(e => e.CompletedAt == December));
        boundary.Should().BeGreaterThan(0, "the seed holds courses finished at the first instant of December");
    }

    [Fact]
    public async Task A_village_of_3_learners_shows_no_figure_of_them_in_the_page_the_csv_or_the_excel_file_nor_a_total_that_gives_them_away()
    {
        await Platform.VillagesAsync((C + "/to-1", "Tổ dân phố Một", 200), (C + "/to-2", "Tổ dân phố Hai", 300));
        var november = new DateTime(2026, 11, 10, 2, 0, 0, DateTimeKind.Utc);
        await LearnersAsync(C, C + "/to-1", 3, november, november.AddDays(1));
        await LearnersAsync(C, C + "/to-2", 10, november, november.AddDays(1));
        await Platform.TargetAsync(C);
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var page = Rows(await admin.GetStringAsync(Report(C)));
        var csv = await admin.GetStringAsync(Report(C, handler: "csv"));
        var sheet = MiniExcel.Query(await admin.GetStreamAsync(Report(C, handler: "xlsx")), excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => Convert.ToString(v, Vi) ?? "").ToList()).ToList();
        var csvRows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();

        page.Single(r => r.Key == C + "/to-1").Cells.Should().Equal(("adults", "200"), ("registered", "< 5"), ("t0", "< 5"), ("t0-share", "—"));
        page.Single(r => r.Key == C + "/to-2").Cells.Should().Equal(("adults", "300"), ("registered", "10"), ("t0", "10"), ("t0-share", "3%"));
        page.Single(r => r.Key == C).Cells.Should().Equal(("adults", "500"), ("registered", "ẩn"), ("t0", "ẩn"), ("t0-share", "—"));
        foreach (var file in new[] { csvRows.Select(r => r.ToList()).ToList(), sheet })
        {
            file.Single(r => r[0] == "Tổ dân phố Một").Should().Equal("Tổ dân phố Một", "200", "< 5", "< 5", "—");
            file.Single(r => r[0] == "Tổ dân phố Hai").Should().Equal("Tổ dân phố Hai", "300", "10", "10", "3%");
            file.Single(r => r[0] == "Tổng").Should().Equal("Tổng", "500", "ẩn", "ẩn", "—");
        }
        csv.Should().NotContain(",3,").And.NotContain(",13,");
        var province = Rows(await admin.GetStringAsync(Report(null)));
        province.Single(r => r.Key == C).Cells.Should().NotContain(c => c.Text == "13" || c.Text == "3");
    }

    [Fact]
    public async Task A_commune_leader_reads_their_own_commune_s_report_and_is_refused_another_s()
    {
        await Platform.VillagesAsync((A + "/thon-na-lan", "Thôn Nà Lần", 400), (B + "/thon-ban-gioc", "Thôn Bản Giốc", 350));
        var member = await Platform.CreateAsync(Roles.Trainer, A);
        await Platform.TeamAsync(A, "Tổ số 1", [A + "/thon-na-lan"], member.Id);
        var leader = await Platform.SignedInAs(await Platform.SubmittedRespondentAsync(commune: A, role: "leadership"));
        var teamMember = await Platform.SignedInAs(member);
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var own = await leader.GetStringAsync(Report(A));
        var byDefault = await leader.GetStringAsync("/progress/report");
        var other = await leader.GetAsync(Report(B));
        var otherCsv = await leader.GetAsync(Report(B, handler: "csv"));
        var province = await leader.GetAsync(Report(null) + "&commune=");

        own.Should().Contain("Thôn Nà Lần").And.NotContain("Bản Giốc");
        byDefault.Should().Contain("Thôn Nà Lần").And.Contain("Báo cáo tháng 11/2026");
        other.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.Content.ReadAsStringAsync()).Should().Contain("Không tìm thấy xã, phường này").And.NotContain("Bản Giốc");
        otherCsv.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await province.Content.ReadAsStringAsync()).Should().NotContain("Bản Giốc", "an empty commune is the leader's own");
        Outcome(await teamMember.GetAsync(Report(null))).Should().Be("denied");
        Outcome(await teamMember.GetAsync(Report(A))).Should().Be("404");
        Outcome(await admin.GetAsync(Report(B))).Should().Be("ok");
    }

    [Theory]
    [InlineData("2026-13", "400", "không đúng dạng")]
    [InlineData("11/2026", "400", "không đúng dạng")]
    [InlineData("2026-11-01", "400", "không đúng dạng")]
    [InlineData("2027-01", "400", "chưa đến")]
    public async Task A_malformed_or_future_month_is_answered_with_a_reason_not_an_error(string month, string outcome, string reason)
    {
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var response = await admin.GetAsync(Report(A, month));
        var unknown = await admin.GetAsync(Report("cao-bang/xa-khong-co"));

        Outcome(response).Should().Be(outcome);
        (await response.Content.ReadAsStringAsync()).Should().Contain(reason);
        Outcome(unknown).Should().Be("404");
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("Không tìm thấy xã, phường này");
    }

    [Fact]
    public async Task The_csv_and_excel_files_download_with_their_types_and_Vietnamese_a_spreadsheet_reads()
    {
        await Platform.VillagesAsync((A + "/thon-khuoi-khon", "Thôn Khuổi Khon", 250));
        var november = new DateTime(2026, 11, 10, 2, 0, 0, DateTimeKind.Utc);
        await LearnersAsync(A, A + "/thon-khuoi-khon", 7, november, november.AddDays(1));
        await Platform.TargetAsync(null);
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));
        var requests = await CountAsync(db => db.Targets());

        var csv = await admin.GetAsync(Report(A, handler: "csv"));
        var xlsx = await admin.GetAsync(Report(A, handler: "xlsx"));
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        var xlsxBytes = await xlsx.Content.ReadAsByteArrayAsync();
        var sheet = MiniExcel.Query(new MemoryStream(xlsxBytes), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();

        csv.Content.Headers.ContentType!.ToString().Should().Be("text/csv; charset=utf-8");
        csv.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("bao-cao-phuong-thuc-phan-2026-11.csv");
        csvBytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var text = Encoding.UTF8.GetString(csvBytes[3..]);
        text.Split("\r\n")[0].Should().StartWith("\"Thôn, bản\",Dân số từ 18 tuổi,Số người đăng ký học,Đã học xong: Khoá học mẫu,Tỉ lệ (chỉ tiêu 70 %)");
        text.Should().Contain("Thôn Khuổi Khon,250,7,7,3%");
        xlsx.Content.Headers.ContentType!.ToString().Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsxBytes.Take(2).Should().Equal((byte)'P', (byte)'K');
        sheet.Should().Contain(r => Equals(r["Thôn, bản"], "Thôn Khuổi Khon") && Convert.ToInt32(r["Số người đăng ký học"], Vi) == 7
            && Convert.ToInt32(r["Dân số từ 18 tuổi"], Vi) == 250);
        (await CountAsync(db => db.Targets())).Should().Be(requests, "a GET only reads");
    }

    // ---- The independent count: every row loaded, then counted here with LINQ over objects, not the product's queries ----

    sealed record Facts(List<AppUser> Users, List<CourseEnrolmentRow> Enrolments, List<LearnerVillageRow> Choices, List<VillageRow> Villages,
        HashSet<Guid> Officials, List<SurveyResponseRow> Responses, List<TargetRow> Targets);

    async Task<Facts> FactsAsync() => await InScope(async s =>
    {
        var db = s.GetRequiredService<AppDbContext>();
        var officialRole = await db.Roles.Where(r => r.Name == Roles.Official).Select(r => r.Id).SingleAsync();
        return new Facts(await db.Users.ToListAsync(), await db.CourseEnrolments.ToListAsync(), await db.LearnerVillages().ToListAsync(),
            await db.Villages().ToListAsync(), [.. await db.UserRoles.Where(r => r.RoleId == officialRole).Select(r => r.UserId).ToListAsync()],
            await db.SurveyResponses.ToListAsync(), await db.Targets().ToListAsync());
    });

    /// <summary>What a cell of the November report should read, counted from the rows; 1 to 4 people read "&lt; 5".</summary>
    static string Independent(Facts facts, List<TargetRow> targets, string key, string figure)
    {
        var villageOf = facts.Choices.ToDictionary(c => c.UserId, c => c.VillageId);
        bool In(AppUser u) => key switch
        {
            "*" => u.Commune.StartsWith("cao-bang/", StringComparison.Ordinal),
            _ when key.EndsWith("/-", StringComparison.Ordinal) => u.Commune == key[..^2] && !villageOf.ContainsKey(u.Id),
            _ when key.Count(c => c == '/') == 2 => villageOf.GetValueOrDefault(u.Id) == key,
            _ => u.Commune == key,
        };
        var people = facts.Users.Where(In).ToList();
        int? adults = key == "*" || key.EndsWith("/-", StringComparison.Ordinal) ? null
            : key.Count(c => c == '/') == 2 ? facts.Villages.Single(v => v.Id == key).AdultPopulation
            : facts.Villages.Any(v => v.Commune == key) ? facts.Villages.Where(v => v.Commune == key).Sum(v => v.AdultPopulation) : null;
        static string Figure(int count) => count is > 0 and < 5 ? "< 5" : count.ToString(Vi);
        static string Share(int count, int? of) => count is > 0 and < 5 || of is not > 0 ? "—" : ((double)count / of.Value).ToString("P0", Vi);
        if (figure == "adults")
        {
            return adults?.ToString(Vi) ?? "—";
        }
        if (figure == "registered")
        {
            return Figure(people.Count(u => u.CreatedAt < December));
        }
        var target = targets[int.Parse(Regex.Match(figure, @"^t(\d+)").Groups[1].Value, CultureInfo.InvariantCulture)];
        if (target.Kind == FieldProgress.SurveyKind)
        {
            // Officials are counted per commune: a village or "no village" line has no survey figure.
            if (key.Count(c => c == '/') == 2 || key.EndsWith("/-", StringComparison.Ordinal))
            {
                return "";
            }
            var officials = people.Where(u => facts.Officials.Contains(u.Id)).ToList();
            var took = officials.Count(u => facts.Responses.Any(r => r.RespondentId == u.Id && r.SubmittedAt < December));
            return figure.EndsWith("-base", StringComparison.Ordinal) ? officials.Count.ToString(Vi)
                : figure.EndsWith("-share", StringComparison.Ordinal) ? Share(took, officials.Count) : Figure(took);
        }
        var finished = people.Count(u => facts.Enrolments.Any(e => e.LearnerId == u.Id && e.CourseSlug == target.CourseSlug && e.CompletedAt < December));
        return figure.EndsWith("-share", StringComparison.Ordinal) ? Share(finished, adults) : Figure(finished);
    }

    async Task LearnersAsync(string commune, string? village, int count, DateTime registered, DateTime? finished, string course = Course)
    {
        await using var scope = Platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var i = 0; i < count; i++)
        {
            var phone = People.NewPhone();
            var user = new AppUser
            {
                Id = Guid.NewGuid(), UserName = phone, NormalizedUserName = phone, PhoneNumber = phone, FullName = $"Người thử {phone[^4..]}",
                Commune = commune, CreatedAt = registered, SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(user);
            db.CourseEnrolments.Add(new CourseEnrolmentRow { LearnerId = user.Id, CourseSlug = course, StartedAt = registered, CompletedAt = finished });
            if (village is not null)
            {
                db.LearnerVillages().Add(new LearnerVillageRow { UserId = user.Id, VillageId = village, ChosenAt = registered });
            }
        }
        await db.SaveChangesAsync();
    }

    async Task SurveyTargetAsync()
    {
        await using var scope = Platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = DateOnly.FromDateTime(Platform.Start.UtcDateTime);
        db.Targets().Add(new TargetRow
        {
            Id = Guid.NewGuid(), Kind = FieldProgress.SurveyKind, Percent = 100, StartsOn = today, DueOn = today.AddMonths(2), CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    sealed record ReportRow(string Key, IReadOnlyList<(string Figure, string Text)> Cells);

    static IReadOnlyList<ReportRow> Rows(string page) =>
        [.. RowPattern().Matches(page).Select(m => new ReportRow(WebUtility.HtmlDecode(m.Groups[1].Value),
            [.. CellPattern().Matches(m.Groups[2].Value).Select(c => (c.Groups[1].Value, WebUtility.HtmlDecode(c.Groups[2].Value)))]))];

    [GeneratedRegex("<tr data-key=\"([^\"]+)\"><th scope=\"row\">[^<]*</th>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td data-figure=\"([^\"]+)\">([^<]*)</td>")]
    private static partial Regex CellPattern();
}

public sealed class MonthlyReportOnSqlite() : MonthlyReportSpec(DatabaseProvider.Sqlite);

public sealed class MonthlyReportOnPostgres() : MonthlyReportSpec(DatabaseProvider.Postgres);
