using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Support;

/// <summary>Accounts made directly in the database for a test, and browsers signed in as them.</summary>
public static partial class People
{
    public const string Commune = "cao-bang/phuong-thuc-phan";
    public const string OtherCommune = "cao-bang/xa-bach-dang";
    public const string Password = "mat-khau-thu";

    static int _next = 10_000_000;

    public sealed record Person(Guid Id, string Phone, string Password, string Commune);

    public static string NewPhone() => $"09{Interlocked.Increment(ref _next):D8}";

    public static async Task<Person> CreateAsync(this Platform platform, string? role = null, string commune = Commune, bool mustChangePassword = false)
    {
        using var scope = platform.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var phone = NewPhone();
        var user = new AppUser
        {
            Id = Guid.NewGuid(), UserName = phone, PhoneNumber = phone, FullName = $"Người thử {phone[^4..]}", Commune = commune,
            MustChangePassword = mustChangePassword, CreatedAt = DateTime.UtcNow,
        };
        (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
        await users.AddToRoleAsync(user, Roles.Learner);
        if (role is not null && role != Roles.Learner)
        {
            await users.AddToRoleAsync(user, role);
        }
        return new Person(user.Id, phone, Password, commune);
    }

    /// <summary>A browser that signed in through the real sign-in form.</summary>
    public static async Task<HttpClient> SignedInAs(this Platform platform, Person person)
    {
        var browser = platform.Browser();
        var response = await browser.SubmitFormAsync("/account/login", new() { ["Phone"] = person.Phone, ["Password"] = person.Password });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in should succeed");
        return browser;
    }

    /// <summary>Loads a page, takes its anti-forgery token as a browser would, and posts the form.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient browser, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await browser.GetStringAsync(formPage ?? url);
        var token = Token().Match(page).Groups[1].Value;
        fields["__RequestVerificationToken"] = token;
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>Presses "Nhận giấy chứng nhận" on a completed course's certificate page and returns the certificate page.</summary>
    public static async Task<string> ReceiveCertificateAsync(this HttpClient browser, string course)
    {
        var issued = await browser.SubmitFormAsync($"/c/{course}/chung-nhan", []);
        issued.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, "the certificate is issued");
        return await browser.GetStringAsync($"/c/{course}/chung-nhan");
    }

    /// <summary>Presses "Đánh dấu đã học" on a lesson page, as the learner would.</summary>
    public static async Task MarkLessonDoneAsync(this HttpClient browser, string course, string lesson)
    {
        var response = await browser.SubmitFormAsync($"/c/{course}/{lesson}?handler=Done", [], $"/c/{course}/{lesson}");
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, "the lesson is marked done");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
