using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BinhDanHocVuSo.Web.Features.Trainer;

/// <summary>Bulk account creation and login cards to print; a trainer imports only into their own commune.</summary>
[RequestSizeLimit(2 * 1024 * 1024)]
public sealed class ImportModel(AccountImport import, AccountsOptions options, IStringLocalizer<AccountText> text) : PageModel
{
    public AccountImport.Outcome? Outcome { get; private set; }
    public string SiteUrl => HttpContext.RequestServices.GetRequiredService<PublicAddress>().For(Request, "");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            return Fail(text["ImportEmpty"]);
        }
        if (file.Length > options.MaxImportKilobytes * 1024L)
        {
            return Fail(text["ImportTooLarge", options.MaxImportKilobytes]);
        }
        var onlyCommune = User.IsInRole(Roles.Admin) ? null : User.FindFirst(AppClaimsFactory.Commune)?.Value;
        await using var stream = file.OpenReadStream();
        Outcome = await import.ImportAsync(stream, file.FileName, LearnerIdOfUser(), onlyCommune);
        if (Outcome.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    Guid LearnerIdOfUser() => Learning.LearnerIdentity.SignedIn(HttpContext) ?? throw new InvalidOperationException("signed in");

    IActionResult Fail(string error)
    {
        Outcome = new AccountImport.Outcome([error], []);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
