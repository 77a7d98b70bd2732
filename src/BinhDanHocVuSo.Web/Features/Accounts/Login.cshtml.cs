using Microsoft.AspNetCore.RateLimiting;

namespace BinhDanHocVuSo.Web.Features.Accounts;

[EnableRateLimiting(AccountsExtensions.AttemptsLimit)]
public sealed class LoginModel(AccountService accounts, UserManager<AppUser> users, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool Remember { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    /// <summary>Carries the return address to the sign-up page, so "Đăng ký" from a join link still ends in the group.</summary>
    public string ReturnQuery => Url.IsLocalUrl(ReturnUrl) ? "?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl) : "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (PhoneNumber.Normalize(Phone) is not { } phone)
        {
            return Fail(text["PhoneInvalid"]);
        }
        var result = await accounts.SignInAsync(HttpContext, phone, Password ?? "", Remember);
        if (result.SecondsToWait > 0)
        {
            Response.Headers.RetryAfter = result.SecondsToWait.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Fail(text["SignInWait", result.SecondsToWait], StatusCodes.Status429TooManyRequests);
        }
        if (!result.Succeeded)
        {
            return Fail(text["LoginFailed"]);
        }
        if (await users.FindByNameAsync(phone) is { MustChangePassword: true })
        {
            return Redirect("/account/password");
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    IActionResult Fail(string message, int status = StatusCodes.Status400BadRequest)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }
}
