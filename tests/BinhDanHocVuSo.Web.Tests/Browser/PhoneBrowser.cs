using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Content.Quizzes;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BinhDanHocVuSo.Web.Tests.Browser;

/// <summary>
/// The platform with the shipped courses on a real loopback port (Kestrel), and Debian's headless Chromium
/// driven by Playwright, shared by the browser tests. Each test opens its own phone (browser context) at 360×640.
/// </summary>
public class PhoneBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    TestDatabase _database = null!;
    IPlaywright _playwright = null!;
    IBrowser _browser = null!;

    public Platform Platform { get; private set; } = null!;
    public WebApplicationFactory<Program> Site { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public CourseCatalog Catalog => Site.Services.GetRequiredService<ICourseCatalogSource>().Current;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Debian's Chromium at {ChromiumPath}, which is missing. "
                + "Run the tests with `bash tests/run.sh` (it installs it) or run `apt-get install chromium`.");
        }
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Platform = new Platform(_database, Courses());
        // The build output keeps the compressed CSS and JS beside the project, not in wwwroot (see ShippedSite).
        Site = Platform.WithWebHostBuilder(web => web.UseStaticWebAssets());
        Site.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        Site.StartServer();
        BaseUrl = Site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"Browser tests against {BaseUrl}");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>The courses the site serves: the shipped ones, unless a fixture needs its own test course.</summary>
    protected virtual Dictionary<string, string?> Courses() => Platform.ShippedCourses();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (Platform is not null)
        {
            await Platform.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A fresh phone: no cookies, no service worker, nothing saved; a cheap Android's screen size.</summary>
    /// <param name="javaScript">False for a phone whose browser runs no scripts (an old or locked-down one).</param>
    /// <param name="serviceWorkers">False to keep the service worker out, so that every page comes from the server as sent.</param>
    public async Task<IBrowserContext> NewPhoneAsync(bool javaScript = true, bool serviceWorkers = true)
    {
        var phone = await _browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = new() { Width = 360, Height = 640 },
            Locale = "vi-VN",
            IsMobile = true,
            HasTouch = true,
            JavaScriptEnabled = javaScript,
            ServiceWorkers = serviceWorkers ? ServiceWorkerPolicy.Allow : ServiceWorkerPolicy.Block,
        });
        // Two cores shared with the server and the rest of the suite: be patient rather than flaky.
        phone.SetDefaultTimeout(60_000);
        phone.SetDefaultNavigationTimeout(60_000);
        return phone;
    }

    /// <summary>Saves a screenshot under <c>TestResults/screenshots/</c> and checks the page does not scroll sideways at 360 px.</summary>
    public static async Task LookAtAsync(IPage page, string name)
    {
        var folder = Repository.Path("TestResults/screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        width.Should().BeLessThanOrEqualTo(360, $"{page.Url} must not scroll sideways on a 360 px wide phone");
    }

    /// <summary>Waits until a JavaScript expression (which may return a promise) is true in the page.</summary>
    public static async Task WaitUntilAsync(IPage page, string expression, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await page.EvaluateAsync<bool>($"async () => !!(await ({expression}))"))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 60 s for {what} ({expression}) on {page.Url}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The shortest way through a simulation to an end screen without a trap: the index of the choice to tap on each
    /// screen, with the screen it is tapped on.
    /// </summary>
    public static IReadOnlyList<(string Screen, int Choice)> RightWay(BinhDanHocVuSo.Content.Practice.Practice practice) =>
        WayTo(practice, screen => screen.IsEnd) ?? throw new InvalidOperationException($"{practice.Id} has no way to an end screen");

    /// <summary>The shortest taps, never into a trap, from the start to the first screen that <paramref name="arrived"/> accepts; null when none can be reached.</summary>
    public static IReadOnlyList<(string Screen, int Choice)>? WayTo(BinhDanHocVuSo.Content.Practice.Practice practice, Func<BinhDanHocVuSo.Content.Practice.PracticeScreen, bool> arrived)
    {
        var cameFrom = new Dictionary<string, (string Screen, int Choice)?> { [practice.Start] = null };
        var queue = new Queue<string>([practice.Start]);
        while (queue.TryDequeue(out var id))
        {
            var screen = practice.Screen(id)!;
            if (arrived(screen))
            {
                var way = new List<(string, int)>();
                for (var at = id; cameFrom[at] is { } step; at = step.Screen)
                {
                    way.Insert(0, step);
                }
                return way;
            }
            for (var i = 0; i < screen.Choices.Count; i++)
            {
                if (screen.Choices[i] is { Kind: not BinhDanHocVuSo.Content.Practice.ChoiceKind.Trap, Go: { } go } && cameFrom.TryAdd(go, (id, i)))
                {
                    queue.Enqueue(go);
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Passes every practice block of the lesson open in <paramref name="page"/> as a learner would: each simulation
    /// played the right way in place (the page reports the run), each scam drill sorted right on its pages and saved.
    /// Comes back to the lesson afterwards.
    /// </summary>
    public static async Task PassPracticesAsync(IPage page, Course course, Lesson lesson)
    {
        var lessonUrl = page.Url;
        foreach (var practice in lesson.Practices)
        {
            var way = RightWay(practice);
            for (var i = 0; i < way.Count; i++)
            {
                var tap = page.Locator($"#practice-{practice.Id} [data-screen='{way[i].Screen}'] button[data-i='{way[i].Choice}']");
                if (i < way.Count - 1)
                {
                    await tap.ClickAsync();
                    continue;
                }
                var recorded = await page.RunAndWaitForResponseAsync(() => tap.ClickAsync(),
                    r => r.Url.Contains($"/practices/{practice.Id}/runs") && r.Request.Method == "POST");
                recorded.Status.Should().Be(200, $"the run of {practice.Id} is recorded");
            }
        }
        foreach (var drill in lesson.Drills)
        {
            var bank = course.DrillBanks[drill.Bank];
            await page.GotoAsync($"/c/{course.Slug}/{lesson.Slug}/drill/{drill.Id}");
            while (await page.Locator("p.msg").CountAsync() > 0)
            {
                var shown = (await page.TextContentAsync("p.msg"))!.Trim();
                var message = bank.Messages.Single(m => m.Text.Trim() == shown);
                await page.ClickAsync($"button:text-is('{(message.IsScam ? "Lừa đảo" : "An toàn")}')");
            }
            await page.ClickAsync("form.practice-save button[type=submit]");
            await page.WaitForSelectorAsync("[data-run]");
        }
        if (lesson.Drills.Count > 0)
        {
            await page.GotoAsync(lessonUrl);
        }
    }

    /// <summary>Answers every question of <paramref name="quiz"/> right, as a learner would with taps and selects.</summary>
    public static async Task AnswerRightAsync(IPage page, Quiz quiz)
    {
        foreach (var question in quiz.Questions)
        {
            var fieldset = page.Locator($"fieldset#q-{question.Id}");
            if (await fieldset.CountAsync() == 0)
            {
                continue; // not in this page's draw
            }
            if (question.Kind == QuestionKind.Order)
            {
                var steps = question.RightStepOrder;
                for (var i = 0; i < steps.Count; i++)
                {
                    await page.SelectOptionAsync($"select[name='o.{question.Id}.{steps[i]}']", (i + 1).ToString());
                }
            }
            else
            {
                // The page names options by codes of its draw, not by their ids: a citizen picks them by their text.
                foreach (var option in question.Options.Where(o => o.IsCorrect))
                {
                    var text = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(option.TextHtml, "<[^>]+>", ""));
                    var exactly = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(text)}\\s*$");
                    await fieldset.Locator("label").Filter(new() { HasTextRegex = exactly }).Locator("input").CheckAsync();
                }
            }
        }
    }
}
