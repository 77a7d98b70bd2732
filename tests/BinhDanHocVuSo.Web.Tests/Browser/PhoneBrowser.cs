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
