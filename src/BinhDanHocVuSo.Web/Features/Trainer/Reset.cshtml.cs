using Microsoft.AspNetCore.RateLimiting;

namespace BinhDanHocVuSo.Web.Features.Trainer;

/// <summary>A trainer of the learner's commune (or an admin) issues a one-time reset code, face to face.</summary>
[Authorize(Policy = Policies.Trainer)]
[EnableRateLimiting(AccountsExtensions.IssueResetLimit)]
public sealed class ResetModel(UserManager<AppUser> users, ResetCodes codes, IStringLocalizer<AccountText> text) : PageModel
{
    public string? Message { get; private set; }
    public bool Issued { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? phone)
    {
        var issuer = await users.GetUserAsync(User);
        var learner = PhoneNumber.Normalize(phone) is { } normalized ? await users.FindByNameAsync(normalized) : null;
        // One answer for "no such number" and "not yours to reset", so the page tells nobody whether a number has an account.
        if (issuer is null || learner is null
            || !ResetCodes.MayReset(issuer, await users.GetRolesAsync(issuer), learner, await users.GetRolesAsync(learner)))
        {
            Message = text["ResetRefused"];
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var code = await codes.IssueAsync(learner, issuer.Id);
        Message = text["ResetIssued", learner.FullName, code];
        Issued = true;
        return Page();
    }
}
