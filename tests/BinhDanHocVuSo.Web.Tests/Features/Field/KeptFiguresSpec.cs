using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Field;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static BinhDanHocVuSo.Web.Tests.Features.Field.FieldSeed;

namespace BinhDanHocVuSo.Web.Tests.Features.Field;

/// <summary>
/// The progress pages read figures kept for a few minutes (a province of a million learners is not counted on every
/// request): the page says when they were counted, a change in the database shows once they have aged, each target
/// shows its finishers week by week as a small bar chart, and the share of them a team helped; the week-by-week figures
/// and the assisted share follow the same fewer-than-5 rule as the rest.
/// </summary>
public sealed partial class KeptFiguresSpec() : PlatformSpec(DatabaseProvider.Sqlite)
{
    const string A = People.Commune, B = People.OtherCommune;
    const string NaLan = A + "/thon-na-lan", PacBo = A + "/thon-pac-bo", BanGioc = B + "/thon-ban-gioc";

    /// <summary>Monday 2 November 2026: with the clock at Monday 23 November, week 4 is under way.</summary>
    static readonly DateOnly ThreeWeeksBefore = new(2026, 11, 2);

    /// <summary>A moment of a Vietnamese day, in UTC.</summary>
    static DateTime Vietnam(int month, int day, int hour) => new DateTime(2026, month, day, hour, 0, 0, DateTimeKind.Utc) - VietnamClock.Offset;

    [Fact]
    public async Task The_page_says_when_its_figures_were_counted()
    {
        await Platform.VillagesAsync((NaLan, "Thôn Nà Lần", 400));
        await Platform.LearnersAsync(A, NaLan, 6);
        await Platform.TargetAsync(null);
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var province = await admin.GetStringAsync("/progress");
        var commune = await admin.GetStringAsync($"/progress?commune={Uri.EscapeDataString(A)}");

        // The clock starts at 02:00 UTC, 09:00 in Vietnam.
        province.Should().Contain("Số liệu tính lúc 09:00, cập nhật vài phút một lần.");
        commune.Should().Contain("Số liệu tính lúc 09:00, cập nhật vài phút một lần.");
    }

    [Fact]
    public async Task A_learner_who_finishes_shows_once_the_kept_figures_are_older_than_their_maximum_age_and_not_before()
    {
        await Platform.VillagesAsync((NaLan, "Thôn Nà Lần", 400));
        await Platform.LearnersAsync(A, NaLan, 10);
        await Platform.TargetAsync(null);
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));
        var page = $"/progress?commune={Uri.EscapeDataString(A)}";
        string Village(string html) => Tables(html).Single().Single(r => r.Key == NaLan).Count;

        var before = Village(await admin.GetStringAsync(page));
        await Platform.LearnersAsync(A, NaLan, 5);
        var soon = Village(await admin.GetStringAsync(page));
        Platform.Clock.Advance(TimeSpan.FromMinutes(1));
        var aMinuteLater = Village(await admin.GetStringAsync(page));
        Platform.Clock.Advance(TimeSpan.FromMinutes(1));
        // Two minutes old: this read gets the kept figures and starts counting again; a later one gets the new count.
        var (after, html) = await UntilAsync(admin, page, html => Village(html) == "15");

        (before, soon, aMinuteLater).Should().Be(("10", "10", "10"), "the figures are kept for two minutes");
        after.Should().Be("15");
        html.Should().Contain("Số liệu tính lúc 09:02");
    }

    [Fact]
    public async Task The_trend_shows_the_finishers_counted_at_the_end_of_each_week_since_the_target_began()
    {
        await Platform.VillagesAsync((NaLan, "Thôn Nà Lần", 400), (PacBo, "Thôn Pác Bó", 300));
        await FinishedAsync(A, NaLan, 1, Vietnam(11, 4, 10));
        // The last instant of week 1 (Sunday 8 November, 23:59 in Vietnam) and the first of week 2.
        await FinishedAsync(A, NaLan, 1, Vietnam(11, 9, 0).AddTicks(-1));
        await FinishedAsync(A, NaLan, 1, Vietnam(11, 9, 0));
        await FinishedAsync(A, NaLan, 2, Vietnam(11, 18, 20));
        await FinishedAsync(A, PacBo, 5, Vietnam(11, 23, 8));
        await TargetAsync(A, ThreeWeeksBefore);
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var page = await admin.GetStringAsync($"/progress?commune={Uri.EscapeDataString(A)}");

        Bars(page).Should().Equal((1, 2), (2, 3), (3, 5), (4, 10));
        WebUtility.HtmlDecode(page).Should().Contain("role=\"img\"")
            .And.Contain("tuần 1 (đến 08/11): 2; tuần 2 (đến 15/11): 3; tuần 3 (đến 22/11): 5; tuần 4 (đến 23/11): 10");
    }

    [Fact]
    public async Task The_trend_goes_back_twelve_weeks_at_most()
    {
        await Platform.VillagesAsync((NaLan, "Thôn Nà Lần", 400));
        await FinishedAsync(A, NaLan, 5, Vietnam(8, 1, 10));
        await FinishedAsync(A, NaLan, 5, Vietnam(11, 20, 10));
        await TargetAsync(A, new DateOnly(2026, 7, 1));
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var bars = Bars(await admin.GetStringAsync($"/progress?commune={Uri.EscapeDataString(A)}"));

        // 1 July to 23 November: week 21 is under way; the chart shows weeks 10 to 21.
        bars.Select(b => b.Week).Should().Equal(Enumerable.Range(10, 12));
        bars.Select(b => b.Count).Should().Equal([.. Enumerable.Repeat(5, 11), 10]);
    }

    [Fact]
    public async Task A_total_under_5_hides_its_trend_and_its_weekly_figures()
    {
        await Platform.VillagesAsync((NaLan, "Thôn Nà Lần", 400), (BanGioc, "Thôn Bản Giốc", 350));
        await FinishedAsync(A, NaLan, 3, Vietnam(11, 10, 10));
        await FinishedAsync(B, BanGioc, 12, Vietnam(11, 10, 10));
        await TargetAsync(A, ThreeWeeksBefore);
        await TargetAsync(B, ThreeWeeksBefore);
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var small = await admin.GetStringAsync($"/progress?commune={Uri.EscapeDataString(A)}");
        var large = await admin.GetStringAsync($"/progress?commune={Uri.EscapeDataString(B)}");

        Bars(small).Should().BeEmpty();
        small.Should().NotContain("class=\"field-trend\"").And.Contain("Biểu đồ theo tuần được ẩn cùng với tổng số");
        Bars(large).Should().Equal((1, 0), (2, 12), (3, 12), (4, 12));
    }

    [Fact]
    public async Task Each_total_says_how_many_of_its_finishers_a_team_helped()
    {
        await Platform.VillagesAsync((NaLan, "Thôn Nà Lần", 400), (PacBo, "Thôn Pác Bó", 300));
        var team = await Platform.TeamAsync(A, "Tổ số 1", [NaLan, PacBo]);
        await FinishedAsync(A, NaLan, 7, Vietnam(11, 20, 10));
        await FinishedAsync(A, NaLan, 5, Vietnam(11, 20, 10), assistedBy: team);
        await FinishedAsync(A, PacBo, 8, Vietnam(11, 20, 10));
        await Platform.TargetAsync(null);
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var province = await admin.GetStringAsync("/progress");
        var commune = await admin.GetStringAsync($"/progress?commune={Uri.EscapeDataString(A)}");
        var teamPage = await admin.GetStringAsync($"/progress?team={team}");

        // 5 of the 20 finishers.
        foreach (var page in new[] { province, commune, teamPage })
        {
            Assisted(page).Should().Be("Trong đó được hướng dẫn: 5 (25%)");
        }
    }

    [Fact]
    public async Task An_assisted_share_that_tells_about_fewer_than_5_people_is_hidden()
    {
        await Platform.VillagesAsync((NaLan, "Thôn Nà Lần", 400), (BanGioc, "Thôn Bản Giốc", 350));
        var teamOfA = await Platform.TeamAsync(A, "Tổ số 1", [NaLan]);
        var teamOfB = await Platform.TeamAsync(B, "Tổ Bản Giốc", [BanGioc]);
        // A: 3 of 10 assisted (too few); B: 9 of 12 assisted (the 3 others would be told).
        await FinishedAsync(A, NaLan, 7, Vietnam(11, 20, 10));
        await FinishedAsync(A, NaLan, 3, Vietnam(11, 20, 10), assistedBy: teamOfA);
        await FinishedAsync(B, BanGioc, 3, Vietnam(11, 20, 10));
        await FinishedAsync(B, BanGioc, 9, Vietnam(11, 20, 10), assistedBy: teamOfB);
        await Platform.TargetAsync(null);
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var pages = new Dictionary<string, string>
        {
            ["province"] = await admin.GetStringAsync("/progress"),
            ["A"] = await admin.GetStringAsync($"/progress?commune={Uri.EscapeDataString(A)}"),
            ["B"] = await admin.GetStringAsync($"/progress?commune={Uri.EscapeDataString(B)}"),
            ["team of A"] = await admin.GetStringAsync($"/progress?team={teamOfA}"),
            ["team of B"] = await admin.GetStringAsync($"/progress?team={teamOfB}"),
        };

        // The province's 12 of 22 is hidden too: minus B's 9 it would tell A's 3.
        pages.ToDictionary(p => p.Key, p => Assisted(p.Value)).Should().Equal(new Dictionary<string, string?>
        {
            ["province"] = Hidden, ["A"] = Hidden, ["B"] = Hidden, ["team of A"] = Hidden, ["team of B"] = Hidden,
        });
        Tables(pages["A"]).Single().Single(r => r.Key == A).Count.Should().Be("10", "the finishers themselves are shown");
    }

    const string Hidden = "Trong đó được hướng dẫn: ẩn, để bảo vệ người học.";

    static string? Assisted(string page) =>
        AssistedLine().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : null;

    /// <summary>The weeks and counts of the chart, as its text alternative says them.</summary>
    static IReadOnlyList<(int Week, int Count)> Bars(string page) =>
        [.. Bar().Matches(WebUtility.HtmlDecode(ChartLabel().Match(page).Groups[1].Value)).Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))];

    /// <summary>Reads the page until it shows what is awaited (a recount runs in the background); at most 30 s.</summary>
    async Task<(string Figure, string Html)> UntilAsync(HttpClient browser, string page, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var html = await browser.GetStringAsync(page);
            if (done(html) || DateTime.UtcNow > deadline)
            {
                return (Tables(html).Single().Single(r => r.Key == NaLan).Count, html);
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Learners of a commune who chose <paramref name="village"/> and finished the course at <paramref name="at"/>; registered by a team when given.</summary>
    async Task FinishedAsync(string commune, string village, int count, DateTime at, Guid? assistedBy = null)
    {
        await using var scope = Platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var i = 0; i < count; i++)
        {
            var phone = People.NewPhone();
            var user = new AppUser
            {
                Id = Guid.NewGuid(), UserName = phone, NormalizedUserName = phone, PhoneNumber = phone, FullName = $"Người thử {phone[^4..]}",
                Commune = commune, CreatedAt = at.AddDays(-30), SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(user);
            db.CourseEnrolments.Add(new CourseEnrolmentRow { LearnerId = user.Id, CourseSlug = Course, StartedAt = at.AddDays(-1), CompletedAt = at });
            db.LearnerVillages().Add(new LearnerVillageRow { UserId = user.Id, VillageId = village, ChosenAt = at.AddDays(-30) });
            if (assistedBy is { } team)
            {
                db.AssistedPeople().Add(new AssistedPersonRow
                {
                    UserId = user.Id, TeamId = team, Commune = commune, VillageId = village, Kind = AssistedKinds.Phone, Phone = phone,
                    FullName = user.FullName, ConsentAt = at.AddDays(-2), RegisteredBy = Guid.NewGuid(), RegisteredAt = at.AddDays(-2),
                });
            }
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A course target of a commune that began on <paramref name="startsOn"/>.</summary>
    async Task TargetAsync(string commune, DateOnly startsOn)
    {
        await using var scope = Platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Targets().Add(new TargetRow
        {
            Id = Guid.NewGuid(), Commune = commune, Kind = FieldProgress.CourseKind, CourseSlug = Course, Percent = 70,
            StartsOn = startsOn, DueOn = startsOn.AddMonths(6), CreatedAt = startsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync();
    }

    [GeneratedRegex("<svg class=\"field-trend\"[^>]*aria-label=\"([^\"]*)\"")]
    private static partial Regex ChartLabel();

    [GeneratedRegex(@"tuần (\d+) \(đến [0-9/]+\): ([0-9]+)")]
    private static partial Regex Bar();

    [GeneratedRegex("<p data-figure=\"assisted\">([^<]*)</p>")]
    private static partial Regex AssistedLine();
}
