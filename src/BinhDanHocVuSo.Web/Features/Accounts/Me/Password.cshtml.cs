namespace BinhDanHocVuSo.Web.Features.Accounts.Me;

/// <summary>
/// Change one's password; required at the first sign-in of an account a trainer created. Wrong current passwords
/// count as wrong sign-in guesses, so a borrowed session cannot guess the password faster than the sign-in page.
/// The new password ends the account's other sessions (a new security stamp) and keeps this one.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IGrainFactory grains, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    public bool FirstTime { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => FirstTime = (await users.GetUserAsync(User))?.MustChangePassword == true;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        FirstTime = user.MustChangePassword;
        if (!AccountChecks.SamePassword(Password, ConfirmPassword, Errors, text))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (await AttemptThrottle.For(grains, AttemptThrottle.SignIn, user.UserName!).SecondsToWait() is > 0 and var wait)
        {
            Errors.Add(text["SignInWait", wait]);
            Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        else
        {
            var result = await users.ChangePasswordAsync(user, CurrentPassword ?? "", Password ?? "");
            if (result.Succeeded)
            {
                user.MustChangePassword = false;
                await users.UpdateAsync(user);
                await signIn.RefreshSignInAsync(user);
                return Redirect("/");
            }
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await AttemptThrottle.For(grains, AttemptThrottle.SignIn, user.UserName!).Failed();
            }
            Errors.AddRange(result.Errors.Select(e => e.Description));
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
