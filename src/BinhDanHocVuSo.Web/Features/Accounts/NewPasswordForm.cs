using Microsoft.AspNetCore.RateLimiting;

namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>
/// A form where someone gives their mobile number and chooses a password twice (sign-up, reset with a code); like
/// signing in, its posts are rate-limited per address.
/// </summary>
[EnableRateLimiting(AccountsExtensions.AttemptsLimit)]
public abstract class NewPasswordForm : PageModel
{
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    public List<string> Errors { get; } = [];

    public void OnGet()
    {
    }
}
