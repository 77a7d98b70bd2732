using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Home;

/// <summary>
/// Every page a role may open is found from the home page by following links, as a person taps through the menu;
/// signing out is one tap from the menu on any page.
/// </summary>
public sealed partial class MenuByRoleSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task A_trainer_reaches_every_trainer_page_from_the_home_page_by_links_alone()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var created = await trainer.SubmitFormAsync("/groups", new() { ["Name"] = "Lớp điện thoại thông minh", ["Commune"] = People.Commune });
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var dashboard = created.Headers.Location!.OriginalString;

        var reached = await CrawlAsync(trainer);

        reached.Should().Contain(["/groups", dashboard, "/trainer/import", "/trainer/reset", "/posters", "/survey/report", "/account/data"]);
        reached.Should().NotContain(["/admin/users", "/admin/overview"], "a trainer is not shown what they may not open");
    }

    [Fact]
    public async Task An_admin_reaches_every_admin_page_from_the_home_page_by_links_alone()
    {
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var reached = await CrawlAsync(admin);

        reached.Should().Contain(["/admin/users", "/admin/overview", "/survey/report", "/groups", "/trainer/import", "/trainer/reset", "/posters", "/account/data"]);
    }

    [Fact]
    public async Task An_official_finds_the_survey_and_their_result_and_a_citizen_their_account_in_the_menu()
    {
        var official = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Official));
        var citizen = await Platform.SignedInAs(await Platform.CreateAsync());

        var officialMenu = Menu(await official.GetStringAsync("/account/data"));
        var citizenMenu = Menu(await citizen.GetStringAsync("/account/data"));

        officialMenu.Should().Contain(["/survey", "/survey/result", "/account/data", "/"]).And.NotContain("/groups");
        citizenMenu.Should().Contain(["/", "/account/data"]).And.NotContain(["/survey", "/groups", "/admin/users"]);
    }

    [Fact]
    public async Task For_an_admin_the_home_pages_survey_link_opens_the_report_not_the_survey_to_take()
    {
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var home = await admin.GetStringAsync("/");

        home.Should().Contain("<a href=\"/survey/report\">Khảo sát năng lực số</a>").And.NotContain("<a href=\"/survey\">");
    }

    [Fact]
    public async Task Signing_out_is_one_tap_on_the_menu_of_any_page()
    {
        var citizen = await Platform.SignedInAs(await Platform.CreateAsync());
        var page = await citizen.GetStringAsync("/account/data");
        var form = SignOutForm().Match(page);
        form.Success.Should().BeTrue("the menu holds a sign-out button in a form of its own");

        var response = await citizen.PostAsync(form.Groups["action"].Value,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = form.Groups["token"].Value }));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await citizen.GetAsync("/account/data")).StatusCode.Should().Be(HttpStatusCode.Redirect, "the account page asks to sign in again");
    }

    [Fact]
    public async Task A_lesson_page_which_everyone_shares_links_to_the_menu_page_that_holds_the_signed_in_menu()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var course = Platform.Services.GetRequiredService<BinhDanHocVuSo.Web.Features.Courses.ICourseCatalogSource>().Current.Courses[0];

        var lesson = await trainer.GetStringAsync($"/c/{course.Slug}/{course.Lessons[0].Slug}");
        var menu = await trainer.GetStringAsync("/menu");

        Links(lesson).Should().Contain("/menu");
        lesson.Should().NotContain("/trainer/import", "a kept lesson page must not depend on who asks");
        Menu(menu).Should().Contain(["/groups", "/trainer/import", "/posters"]);
    }

    /// <summary>The pages reached from the home page by following same-site links (course pages are reached, not followed).</summary>
    static async Task<HashSet<string>> CrawlAsync(HttpClient browser)
    {
        var reached = new HashSet<string>();
        var queue = new Queue<string>(["/"]);
        var seen = new HashSet<string> { "/" };
        while (queue.TryDequeue(out var path) && seen.Count < 200)
        {
            var response = await browser.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }
            reached.Add(path);
            if (path.StartsWith("/c/", StringComparison.Ordinal) || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            foreach (var link in Links(await response.Content.ReadAsStringAsync()).Where(seen.Add))
            {
                queue.Enqueue(link);
            }
        }
        return reached;
    }

    static IEnumerable<string> Links(string html) =>
        Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Split('#')[0])
            .Where(link => link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && link.Length > 0);

    /// <summary>The links of the page's menu.</summary>
    static List<string> Menu(string html) => [.. Links(MenuNav().Match(html).Value)];

    [GeneratedRegex("<a [^>]*href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<nav class=\"links\"[\\s\\S]*?</nav>")]
    private static partial Regex MenuNav();

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>/account/logout)\"><button[^>]*>Đăng xuất</button><input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex SignOutForm();
}
