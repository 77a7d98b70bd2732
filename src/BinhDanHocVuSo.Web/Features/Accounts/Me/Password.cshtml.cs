using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BinhDanHocVuSo.Web.Features.Accounts.Me;

/// <summary>Change one's password; required at the first sign-in of an account a trainer created.</summary>
public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<AccountText> text) : PageModel
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
        if (Password != ConfirmPassword)
        {
            Errors.Add(text["PasswordsDiffer"]);
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
            Errors.AddRange(result.Errors.Select(e => e.Description));
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
