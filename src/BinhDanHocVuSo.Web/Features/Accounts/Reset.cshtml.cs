namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>A learner sets a new password with the one-time code a trainer or admin gave them in person.</summary>
public sealed class ResetWithCodeModel(ResetCodes codes, IStringLocalizer<AccountText> text) : NewPasswordForm
{
    [BindProperty] public string? Code { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (AccountChecks.Phone(Phone, Errors, text) is { } phone && AccountChecks.SamePassword(Password, ConfirmPassword, Errors, text))
        {
            var (result, wait) = await codes.RedeemAsync(phone, Code ?? "", Password ?? "");
            if (result is { Succeeded: true })
            {
                TempData["Message"] = text["ResetDone"].Value;
                return Redirect("/account/login");
            }
            if (wait > 0)
            {
                Errors.Add(text["ResetWait", wait]);
                Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            }
            Errors.AddRange(result is null ? [text["ResetCodeInvalid"]] : result.Errors.Select(e => e.Description));
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
