using System.Text.Encodings.Web;
using System.Text.Json;

namespace BinhDanHocVuSo.Web.Features.Accounts.Me;

/// <summary>
/// Privacy: a person sees and downloads everything kept about them, and can delete their account. Their
/// learning history stays only as anonymous rows keyed by a random id, so totals stay right; they leave their
/// groups, their survey responses go and their certificates are withdrawn (<see cref="AccountErasure"/>).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DataModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IGrainFactory grains,
    CommuneDirectory communes, ICourseCatalogSource catalog, AppDbContext db, AuditLog audit, IStringLocalizer<AccountText> text,
    IStringLocalizer<Field.AssistText> assistText, TimeProvider clock) : PageModel
{
    public PersonalData Export { get; private set; } = null!;

    /// <summary>The results the person earned with a community digital-technology team member's help, by course.</summary>
    public ILookup<string, Field.AssistedResult> Assisted { get; private set; } = Array.Empty<Field.AssistedResult>().ToLookup(r => r.CourseSlug);
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        Export = await CollectAsync(user);
        Assisted = (await Field.AssistedResults.OfAsync(db, catalog.Current, assistText, [user.Id], HttpContext.RequestAborted)).ToLookup(r => r.CourseSlug);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(await CollectAsync(user), DownloadJson);
        return File(json, "application/json; charset=utf-8", "du-lieu-cua-toi.json");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? password)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!await users.CheckPasswordAsync(user, password ?? ""))
        {
            Error = text["WrongPassword"];
            Export = await CollectAsync(user);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // One transaction: the history leaves the person's id exactly when the account goes.
        IReadOnlyList<Guid> groups;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            groups = await AccountErasure.RunAsync(db, user.Id, Guid.NewGuid(), clock.GetUtcNow().UtcDateTime);
            audit.Record(user.Id, AuditLog.AccountDeleted, user.Id, "by the person themselves");
            await db.SaveChangesAsync();
            if (!(await users.DeleteAsync(user)).Succeeded)
            {
                throw new InvalidOperationException($"Account {user.Id} could not be deleted.");
            }
            await transaction.CommitAsync();
        }
        // Wherever the learner's grain is active, it drops the history it still holds; group figures are computed again.
        await grains.GetGrain<ILearnerGrain>(user.Id).Forget();
        foreach (var group in groups)
        {
            await grains.GetGrain<IGroupQuizStatsGrain>(group).Forget();
        }
        await signIn.SignOutAsync();
        // Nor does this phone go on learning as the guest it was before signing up.
        LearnerIdentity.ForgetGuest(HttpContext);
        TempData["Message"] = text["Deleted"].Value;
        return Redirect("/");
    }

    /// <summary>
    /// Indented UTF-8 with Vietnamese letters as they are ("Xã Hà Quảng", not "X\u00E3 H\u00E0 ..."), so the file reads in
    /// any text editor. The relaxed encoder is safe here: the file is an attachment, never embedded in a page.
    /// </summary>
    static readonly JsonSerializerOptions DownloadJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    async Task<PersonalData> CollectAsync(AppUser user)
    {
        var groups = await db.GroupMembers.Where(m => m.LearnerId == user.Id)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g.Name).ToListAsync();
        var progress = await grains.GetGrain<ILearnerGrain>(user.Id).GetOverview();
        var courses = catalog.Current;
        return new PersonalData(user.FullName, PhoneNumber.Display(user.UserName!), communes.NameOf(user.Commune),
            [.. await users.GetRolesAsync(user)], user.CreatedAt, groups, progress,
            progress.Courses.Select(c => c.CourseSlug).Distinct()
                .ToDictionary(slug => slug, slug => courses.Find(slug)?.Title ?? slug));
    }

    /// <summary>Everything kept about a person; the download's schema is described in the README (Privacy).</summary>
    /// <param name="CourseTitles">The title of every course in <paramref name="Progress"/>, by its slug (a withdrawn course keeps its slug).</param>
    public sealed record PersonalData(string FullName, string Phone, string Commune, IReadOnlyList<string> Roles,
        DateTime CreatedAt, IReadOnlyList<string> Groups, LearnerOverview Progress, IReadOnlyDictionary<string, string> CourseTitles)
    {
        public string TitleOf(string slug) => CourseTitles.GetValueOrDefault(slug, slug);
    }
}
