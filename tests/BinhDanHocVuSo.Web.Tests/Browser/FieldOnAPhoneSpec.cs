using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Tests.Features.Field;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Playwright;

namespace BinhDanHocVuSo.Web.Tests.Browser;

/// <summary>The progress and team pages on a cheap phone (360×640): they fit the screen, for an administrator and a team member.</summary>
public sealed class FieldOnAPhoneSpec(PhoneBrowser site) : IClassFixture<PhoneBrowser>
{
    const string A = People.Commune;
    const string NaLan = A + "/thon-na-lan", PacBo = A + "/thon-pac-bo", KhuoiKhon = A + "/thon-khuoi-khon-xom-tren-giap-suoi";

    async Task<(Guid Team, People.Person Member)> SeedAsync()
    {
        var platform = site.Platform;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        string Id(string village) => $"{village}-{suffix}";
        // A long village name, as some are, to see that it wraps rather than widens the page.
        await platform.VillagesAsync((Id(NaLan), "Thôn Nà Lần", 412), (Id(PacBo), "Thôn Pác Bó", 380),
            (Id(KhuoiKhon), "Thôn Khuổi Khon xóm trên giáp suối Nặm Nhũng (dữ liệu mẫu)", 1_250));
        await platform.LearnersAsync(A, Id(NaLan), 12);
        await platform.LearnersAsync(A, Id(PacBo), 3);
        await platform.LearnersAsync(A, Id(KhuoiKhon), 40);
        await platform.LearnersAsync(A, null, 9);
        var member = await platform.CreateAsync(Roles.Trainer, A);
        var team = await platform.TeamAsync(A, "Tổ công nghệ số cộng đồng thôn Nà Lần – Pác Bó – Khuổi Khon", [Id(NaLan), Id(PacBo), Id(KhuoiKhon)], member.Id);
        await platform.TargetAsync(null);
        await platform.TargetAsync(A, percent: 50);
        return (team, member);
    }

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

    /// <summary>Opens a page, checks it answered and does not scroll sideways, and keeps a screenshot of it.</summary>
    static async Task OpenAndLookAsync(IPage page, string url, string screenshot)
    {
        var response = await page.GotoAsync(url);
        response!.Status.Should().Be(200, url);
        await PhoneBrowser.LookAtAsync(page, screenshot);
    }

    [Fact]
    public async Task An_administrator_reads_the_province_a_commune_and_a_team_without_scrolling_sideways()
    {
        var (team, _) = await SeedAsync();
        await using var phone = await site.NewPhoneAsync();
        var page = await SignInAsync(phone, await site.Platform.CreateAsync(Roles.Admin));

        await OpenAndLookAsync(page, "/progress", "21-progress-province");
        await OpenAndLookAsync(page, $"/progress?commune={Uri.EscapeDataString(A)}", "21-progress-commune");
        (await page.TextContentAsync("main")).Should().Contain("Thôn Nà Lần").And.Contain("< 5");
        await OpenAndLookAsync(page, $"/progress?team={team}", "21-progress-team");
        await OpenAndLookAsync(page, $"/teams/{team}", "21-team-edit");
        await OpenAndLookAsync(page, "/teams", "21-teams");
    }

    [Fact]
    public async Task A_team_member_reads_their_team_and_its_progress_without_scrolling_sideways()
    {
        var (team, member) = await SeedAsync();
        await using var phone = await site.NewPhoneAsync();
        var page = await SignInAsync(phone, member);

        await OpenAndLookAsync(page, "/progress", "21-progress-member");
        await OpenAndLookAsync(page, $"/progress?team={team}", "21-progress-member-team");
        (await page.TextContentAsync("main")).Should().Contain("Thôn Khuổi Khon xóm trên");
        await OpenAndLookAsync(page, $"/teams/{team}", "21-team-member");
    }
}
