using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Accounts;

/// <summary>Wrong passwords slow a guesser down without locking the owner out or telling which numbers have an account.</summary>
public sealed partial class SignInThrottlingSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    static Task<HttpResponseMessage> SignIn(HttpClient browser, string phone, string password) =>
        browser.SubmitFormAsync("/account/login", new() { ["Phone"] = phone, ["Password"] = password });

    static async Task<string> Answer(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {Alert().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value}";

    [Fact]
    public async Task Unknown_and_known_numbers_get_the_same_answer_after_many_wrong_passwords()
    {
        var known = await Platform.CreateAsync();
        var unknown = People.NewPhone();
        var browser = Platform.Browser();

        var knownAnswers = new List<string>();
        var unknownAnswers = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            knownAnswers.Add(await Answer(await SignIn(browser, known.Phone, "sai-mat-khau")));
            unknownAnswers.Add(await Answer(await SignIn(browser, unknown, "sai-mat-khau")));
        }

        unknownAnswers.Should().Equal(knownAnswers);
        knownAnswers.Should().Contain(a => a.StartsWith("429 ") && a.Contains("Hãy chờ 30 giây"), "after a few wrong guesses both have to wait");
        knownAnswers.Should().NotContain(a => a.Contains("khoá"));
    }

    [Fact]
    public async Task An_unknown_number_is_refused_only_after_a_password_hash_is_checked_as_for_a_known_one()
    {
        // Checking a hash is what takes the time of a refusal; an unknown number that skipped it would be told apart by its speed.
        var hasher = new CountingHasher();
        await using var counted = Platform.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<AppUser>>(hasher)));
        var known = People.NewPhone();
        using (var scope = counted.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            (await users.CreateAsync(new AppUser { Id = Guid.NewGuid(), UserName = known, PhoneNumber = known, FullName = "Lò Thị Mai", Commune = People.Commune }, People.Password))
                .Succeeded.Should().BeTrue();
        }
        var browser = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var beforeKnown = hasher.Verified;
        await SignIn(browser, known, "sai-mat-khau");
        var forKnown = hasher.Verified - beforeKnown;
        await SignIn(browser, People.NewPhone(), "sai-mat-khau");
        var forUnknown = hasher.Verified - beforeKnown - forKnown;

        forKnown.Should().Be(1);
        forUnknown.Should().Be(forKnown);
    }

    sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        readonly PasswordHasher<AppUser> _inner = new();
        int _verified;

        public int Verified => _verified;

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Five_wrong_passwords_do_not_lock_the_owner_out_for_fifteen_minutes()
    {
        var person = await Platform.CreateAsync();
        var browser = Platform.Browser();
        for (var i = 0; i < 5; i++)
        {
            await SignIn(browser, person.Phone, "sai-mat-khau");
        }

        var atOnce = await SignIn(browser, person.Phone, person.Password);
        Platform.Clock.Advance(TimeSpan.FromSeconds(31));
        var halfAMinuteLater = await SignIn(browser, person.Phone, person.Password);

        atOnce.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        atOnce.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(30));
        (await atOnce.Content.ReadAsStringAsync()).Should().Contain("Hãy chờ 30 giây");
        halfAMinuteLater.StatusCode.Should().Be(HttpStatusCode.Redirect, "the owner signs in after a short wait");
    }

    [Fact]
    public async Task Each_further_wrong_password_doubles_the_wait()
    {
        var person = await Platform.CreateAsync();
        var browser = Platform.Browser();
        for (var i = 0; i < 5; i++)
        {
            await SignIn(browser, person.Phone, "sai-mat-khau");
        }
        Platform.Clock.Advance(TimeSpan.FromSeconds(31));

        await SignIn(browser, person.Phone, "sai-mat-khau");
        var waited = await SignIn(browser, person.Phone, person.Password);

        waited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        waited.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_reset_code_works_while_the_account_is_throttled()
    {
        var person = await Platform.CreateAsync();
        var browser = Platform.Browser();
        for (var i = 0; i < 6; i++)
        {
            await SignIn(browser, person.Phone, "sai-mat-khau");
        }
        (await SignIn(browser, person.Phone, person.Password)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var issued = await trainer.SubmitFormAsync("/trainer/reset", new() { ["phone"] = person.Phone });
        var code = Regex.Match(await issued.Content.ReadAsStringAsync(), @": (\d{8})\.").Groups[1].Value;

        var reset = await browser.SubmitFormAsync("/account/reset",
            new() { ["Phone"] = person.Phone, ["Code"] = code, ["Password"] = "mat-khau-moi", ["ConfirmPassword"] = "mat-khau-moi" });
        var signIn = await SignIn(browser, person.Phone, "mat-khau-moi");

        reset.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "the new password works at once");
    }

    [Fact]
    public async Task Wrong_current_passwords_on_the_password_page_are_throttled_like_sign_in()
    {
        var person = await Platform.CreateAsync();
        var session = await Platform.SignedInAs(person);
        Task<HttpResponseMessage> Change(string current) => session.SubmitFormAsync("/account/password",
            new() { ["CurrentPassword"] = current, ["Password"] = "mat-khau-moi", ["ConfirmPassword"] = "mat-khau-moi" });

        for (var i = 0; i < 5; i++)
        {
            (await Change("sai-mat-khau")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }
        var guessedRight = await Change(person.Password);

        guessedRight.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await guessedRight.Content.ReadAsStringAsync()).Should().Contain("Hãy chờ 30 giây");
        (await SignIn(Platform.Browser(), person.Phone, person.Password)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Wrong_reset_codes_are_throttled_for_unknown_and_known_numbers_alike()
    {
        var known = await Platform.CreateAsync();
        var unknown = People.NewPhone();
        var browser = Platform.Browser();
        Task<HttpResponseMessage> Redeem(string phone) => browser.SubmitFormAsync("/account/reset",
            new() { ["Phone"] = phone, ["Code"] = "12345678", ["Password"] = "mat-khau-moi", ["ConfirmPassword"] = "mat-khau-moi" });

        var knownAnswers = new List<string>();
        var unknownAnswers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            knownAnswers.Add(await ResetAnswer(await Redeem(known.Phone)));
            unknownAnswers.Add(await ResetAnswer(await Redeem(unknown)));
        }

        unknownAnswers.Should().Equal(knownAnswers);
        knownAnswers[^1].Should().StartWith("429 ").And.Contain("Hãy chờ");
    }

    static async Task<string> ResetAnswer(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {string.Join(" | ", ErrorItem().Matches(await response.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value))}";

    [GeneratedRegex("role=\"alert\">([^<]*)<")]
    private static partial Regex Alert();

    [GeneratedRegex("<li>([^<]*)</li>")]
    private static partial Regex ErrorItem();
}
