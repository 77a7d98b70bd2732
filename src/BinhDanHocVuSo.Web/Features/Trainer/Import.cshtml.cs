namespace BinhDanHocVuSo.Web.Features.Trainer;

/// <summary>
/// Bulk account creation: the file is checked here, the accounts are created in the background by <see cref="ImportQueue"/>,
/// and <c>/trainer/import/{id}</c> shows the progress and then the login cards, to the trainer who imported only.
/// A trainer imports only into the communes they work in.
/// </summary>
[Authorize(Policy = Policies.Trainer)]
[BodyLimit(2 * 1024 * 1024)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)] // login cards carry one-time passwords
public sealed class ImportModel(AccountImport import, ImportQueue queue, IGrainFactory grains, AppDbContext db, PublicAddress address,
    IOptions<AccountsOptions> options, IStringLocalizer<AccountText> text) : PageModel
{
    /// <summary>Why the upload or the import was refused, each naming its row when it has one.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The errors are about the file's rows: nothing was created, and the trainer fixes them and uploads again.</summary>
    public bool RowsToFix { get; private set; }

    /// <summary>The import shown at <c>/trainer/import/{id}</c>.</summary>
    public ImportStatus? Job { get; private set; }
    public string SiteUrl => address.For(Request, "");

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (id is null)
        {
            return Page();
        }
        Job = await grains.GetGrain<IImportStatusGrain>(id.Value).Read(LearnerIdOfUser());
        if (Job is null)
        {
            return Fail(StatusCodes.Status404NotFound, text["ImportGone", ImportStatusGrain.KeptFor.TotalHours]);
        }
        if (Job.State == ImportState.Failed)
        {
            Errors = Job.Errors;
            RowsToFix = true;
        }
        return Page();
    }

    /// <summary>
    /// An empty list to fill in: the column names the import reads (<see cref="AccountImport.Columns"/>), in UTF-8 with
    /// a byte-order mark so that a spreadsheet program shows the Vietnamese letters the trainer types. No example row:
    /// uploaded unchanged it creates nobody.
    /// </summary>
    public IActionResult OnGetTemplate() =>
        File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join(",", AccountImport.Columns) + "\r\n")).ToArray(),
            "text/csv; charset=utf-8", "mau-danh-sach-hoc-vien.csv");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return Fail(StatusCodes.Status400BadRequest, text["ImportEmpty"]);
        }
        if (file.Length > options.Value.MaxImportKilobytes * 1024L)
        {
            return Fail(StatusCodes.Status400BadRequest, text["ImportTooLarge", options.Value.MaxImportKilobytes]);
        }
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }
        var checkedFile = await import.ValidateAsync(content, file.FileName, await db.OfCallerAsync(HttpContext, cancellationToken), cancellationToken);
        if (checkedFile.Errors.Count > 0)
        {
            Errors = checkedFile.Errors;
            RowsToFix = checkedFile.AboutRows;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var (refusal, job) = await queue.EnqueueAsync(LearnerIdOfUser(), checkedFile.Rows);
        return refusal switch
        {
            ImportQueue.Refusal.AlreadyRunning => Fail(StatusCodes.Status409Conflict, text["ImportAlreadyRunning"]),
            ImportQueue.Refusal.Busy => Fail(StatusCodes.Status409Conflict, text["ImportBusy"]),
            _ => Redirect($"/trainer/import/{job!.Id}"),
        };
    }

    Guid LearnerIdOfUser() => Learning.LearnerIdentity.SignedIn(HttpContext) ?? throw new InvalidOperationException("signed in");

    PageResult Fail(int status, string error)
    {
        Errors = [error];
        Response.StatusCode = status;
        return Page();
    }
}
