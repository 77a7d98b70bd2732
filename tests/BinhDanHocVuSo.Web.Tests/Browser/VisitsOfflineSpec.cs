using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Field;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Features.Field;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BinhDanHocVuSo.Web.Tests.Browser;

/// <summary>
/// Visits without signal (issue 21): a team member on a 360×640 phone records visits in a village with no signal,
/// closes the tab before it could send them, and later, back online, the phone sends them; the commune's figures count
/// each visit and each person once.
/// </summary>
public sealed class VisitsOfflineSpec(PhoneBrowser site) : IClassFixture<PhoneBrowser>
{
    const string Commune = People.Commune;
    const string Queue = "JSON.parse(localStorage.getItem('bdhvs.visits') || '[]')";

    static async Task<IPage> SignInAsync(IBrowserContext phone, People.Person person)
    {
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#phone", person.Phone);
        await page.FillAsync("#password", person.Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        return page;
    }

    async Task<T> InDatabase<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = site.Platform.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Ten people another member of the team helped last month in the village, five of them without a phone.</summary>
    async Task SeedEarlierVisitAsync(Guid team, Guid member, string village)
    {
        await using var scope = site.Platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var assisted = scope.ServiceProvider.GetRequiredService<AssistedPeople>();
        var teamRow = await db.Teams().AsNoTracking().SingleAsync(t => t.Id == team);
        var visit = new VisitRow
        {
            Id = Guid.NewGuid(), TeamId = team, VillageId = village, Commune = Commune, MemberId = member, VisitedOn = new DateOnly(2026, 10, 15),
            RecordedAt = new DateTime(2026, 10, 15, 3, 0, 0, DateTimeKind.Utc), ReceivedAt = new DateTime(2026, 10, 15, 9, 0, 0, DateTimeKind.Utc),
        };
        db.Visits().Add(visit);
        await db.SaveChangesAsync();
        for (var i = 0; i < 10; i++)
        {
            var form = i < 5
                ? new AssistedPersonForm(AssistedKinds.Phone, People.NewPhone(), null, $"Người có điện thoại {i}", null, village, true)
                : new AssistedPersonForm(AssistedKinds.NoPhone, null, null, $"Người không có điện thoại {i}", 1950 + i, village, true);
            var registration = await assisted.RegisterAsync(Guid.NewGuid(), teamRow, member, form, CancellationToken.None);
            registration.Problem.Should().BeNull();
            db.VisitPeople().Add(new VisitPersonRow { VisitId = visit.Id, PersonId = registration.Person!.UserId });
        }
        await db.SaveChangesAsync();
    }

    static async Task FillPersonAsync(IPage page, int index, string kind, string? number, string name, int? birthYear, string lesson)
    {
        var person = page.Locator($"fieldset.visit-person[data-index='{index}']");
        await person.Locator($"input[type=radio][value='{kind}']").CheckAsync();
        if (number is not null)
        {
            await person.Locator("input[type=tel]").FillAsync(number);
        }
        await person.Locator("input[name$='.fullName']").FillAsync(name);
        if (birthYear is not null)
        {
            await person.Locator("input[name$='.birthYear']").FillAsync(birthYear.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await person.Locator("input[name$='.consent']").CheckAsync();
        await person.Locator($"details:has(input[value='{lesson}']) > summary").ClickAsync();
        await person.Locator($"input[value='{lesson}']").CheckAsync();
    }

    /// <summary>Waits for a JavaScript expression to be true; the page may be reloading meanwhile (the log reloads once its queue is sent).</summary>
    static async Task WaitAsync(IPage page, string expression, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                if (await page.EvaluateAsync<bool>($"async () => !!(await ({expression}))"))
                {
                    return;
                }
            }
            catch (PlaywrightException)
            {
                // The page was navigating: ask again.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 90 s for {what} ({expression}) on {page.Url}");
            }
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Visits_recorded_offline_and_left_in_a_closed_tab_are_sent_once_back_online_and_counted_once_by_the_commune()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var village = $"{Commune}/thon-na-lan-{suffix}";
        await site.Platform.VillagesAsync((village, "Thôn Nà Lần", 412), ($"{Commune}/thon-pac-bo-{suffix}", "Thôn Pác Bó", 380));
        var member = await site.Platform.CreateAsync(Roles.Trainer, Commune);
        var colleague = await site.Platform.CreateAsync(Roles.Trainer, Commune);
        var team = await site.Platform.TeamAsync(Commune, "Tổ công nghệ số cộng đồng thôn Nà Lần", [village, $"{Commune}/thon-pac-bo-{suffix}"], member.Id, colleague.Id);
        await SeedEarlierVisitAsync(team, colleague.Id, village);
        var course = site.Catalog.Courses[0];
        var (first, second) = ($"{course.Slug}/{course.Lessons[0].Slug}", $"{course.Slug}/{course.Lessons[^1].Slug}");
        var today = VietnamClock.DayOf(Platform.Start.UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // Online once, at the commune hall: the form is kept for later.
        await using var phone = await site.NewPhoneAsync();
        var page = await SignInAsync(phone, member);
        await page.GotoAsync("/visits/new");
        await page.WaitForSelectorAsync("#visit-form[data-ready]", new() { State = WaitForSelectorState.Attached });
        var script = await page.GetAttributeAsync("script[src*='/js/visits']", "src");
        await PhoneBrowser.WaitUntilAsync(page, $"caches.match('/visits/new').then(p => p && caches.match('{script}')).then(s => s && caches.match('/visits'))",
            "the visit form, its script and the log to be kept for use without a connection");

        // In the village, no signal: two visits.
        await phone.SetOfflineAsync(true);
        await page.GotoAsync("/visits/new");
        await page.WaitForSelectorAsync("#visit-form[data-ready]", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#place", $"{team}|{village}");
        await page.FillAsync("#visitedOn", today);
        await FillPersonAsync(page, 0, AssistedKinds.Phone, "0912 000 111", "Hoàng Thị Mai", null, first);
        await page.ClickAsync("[data-add-person]");
        await FillPersonAsync(page, 1, AssistedKinds.NoPhone, null, "Lục Văn Lân", 1948, second);
        await PhoneBrowser.LookAtAsync(page, "21-visit-form-offline");
        await page.ClickAsync("#visit-form button[type=submit]:not([data-add-person])");
        await WaitAsync(page, $"{Queue}.length === 1", "the first visit to be kept on the phone");
        (await page.TextContentAsync("#visit-status"))!.Should().StartWith("Đã lưu chuyến thăm trên điện thoại");

        await page.SelectOptionAsync("#place", $"{team}|{village}");
        await page.FillAsync("#visitedOn", today);
        await FillPersonAsync(page, 0, AssistedKinds.Household, "0913 222 333", "Nông Văn Khánh", null, first);
        await page.ClickAsync("#visit-form button[type=submit]:not([data-add-person])");
        await WaitAsync(page, $"{Queue}.length === 2", "the second visit to be kept on the phone");
        (await page.EvaluateAsync<int>($"new Set({Queue}.map(v => v.visitId)).size")).Should().Be(2, "each visit has its own id");
        (await InDatabase(db => db.Visits().CountAsync(v => v.MemberId == member.Id))).Should().Be(0, "nothing reached the server without a connection");

        // The tab is closed before there is signal; later a new tab, and the signal comes back.
        await page.CloseAsync();
        var later = await phone.NewPageAsync();
        await later.GotoAsync("/visits");
        await WaitAsync(later, "document.querySelectorAll('#visit-waiting li[data-visit]').length === 2", "the log to list the two visits waiting");
        await PhoneBrowser.LookAtAsync(later, "21-visit-log-waiting");
        await phone.SetOfflineAsync(false);
        await WaitAsync(later, $"{Queue}.length === 0", "the queue to be sent");
        await WaitAsync(later, "document.querySelectorAll('tr[data-visit]').length >= 2", "the log to list the visits sent");
        await PhoneBrowser.LookAtAsync(later, "21-visit-log-sent");

        (await InDatabase(db => db.Visits().CountAsync(v => v.MemberId == member.Id))).Should().Be(2);
        (await InDatabase(db => db.AssistedPeople().CountAsync(p => p.RegisteredBy == member.Id))).Should().Be(3);
        var kinds = await InDatabase(db => db.AssistedPeople().Where(p => p.RegisteredBy == member.Id).Select(p => p.Kind).ToListAsync());
        kinds.Should().BeEquivalentTo([AssistedKinds.Phone, AssistedKinds.Household, AssistedKinds.NoPhone]);
        (await InDatabase(db => db.AssistedMarks().CountAsync(m => m.MemberId == member.Id))).Should().Be(3, "one lesson for each person, marked once");
        (await InDatabase(db => db.LessonCompletions.CountAsync(c => db.AssistedPeople().Any(p => p.RegisteredBy == member.Id && p.UserId == c.LearnerId)))).Should().Be(3);

        // The commune's dashboard, read by an administrator: this month's two visits, last month's one, and each person once.
        await using var office = await site.NewPhoneAsync();
        var admin = await SignInAsync(office, await site.Platform.CreateAsync(Roles.Admin));
        await admin.GotoAsync($"/progress?commune={Uri.EscapeDataString(Commune)}");
        await PhoneBrowser.LookAtAsync(admin, "21-visits-commune");
        async Task<string[]> Figures(string row) => [.. (await admin.Locator($"tr[data-visits='{row}'] td").AllTextContentsAsync()).Select(t => t.Trim())];
        (await Figures(village)).Should().Equal("2", "3", "13", "6");
        (await Figures("total")).Should().Equal("2", "3", "13", "6");
    }
}
