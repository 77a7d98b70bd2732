namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>Sign-up with a mobile number and a password or PIN; no email. A guest's history becomes the account's.</summary>
public sealed class RegisterModel(AccountService accounts, CommuneDirectory communes, IStringLocalizer<AccountText> text) : NewPasswordForm
{
    public CommuneDirectory Communes => communes;
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? Commune { get; set; }

    /// <summary>Where the person was going (e.g. a group's join link), as on the sign-in page; local addresses only.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string ReturnQuery => Url.IsLocalUrl(ReturnUrl) ? "?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl) : "";

    /// <summary>The number was registered by a community digital-technology team: the person took that account over.</summary>
    public bool TookOver { get; private set; }

    public string Next => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public async Task<IActionResult> OnPostAsync()
    {
        var phone = AccountChecks.Phone(Phone, Errors, text);
        AccountChecks.FullName(FullName, Errors, text);
        if (communes.Find(Commune) is null)
        {
            Errors.Add(text["CommuneRequired"]);
        }
        AccountChecks.SamePassword(Password, ConfirmPassword, Errors, text);
        if (Errors.Count == 0)
        {
            var (result, tookOver) = await accounts.RegisterAsync(HttpContext, phone!, FullName!, Commune!, Password ?? "");
            if (result.Succeeded && tookOver)
            {
                // Said once, on this page: the progress the person finds was kept for them.
                TookOver = true;
                return Page();
            }
            if (result.Succeeded)
            {
                return LocalRedirect(Next);
            }
            Errors.AddRange(result.Errors.Select(e => e.Description).Distinct());
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
