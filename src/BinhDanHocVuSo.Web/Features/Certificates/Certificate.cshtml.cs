namespace BinhDanHocVuSo.Web.Features.Certificates;

/// <summary>
/// The certificate of a completed course, printable on A4, with a QR code of its public verification address.
/// Issued once per person and course, with the name on the account at that time: the first visit shows the name it will
/// carry and a button that issues it (a GET never writes), then the certificate itself.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CertificateModel(ICourseCatalogSource catalog, IGrainFactory grains, AppDbContext db, PublicAddress address) : PageModel
{
    public CertificateRow? Certificate { get; private set; }
    public string CourseTitle { get; private set; } = "";
    public string FullName => Certificate?.FullName ?? User.FindFirst(AppClaimsFactory.FullName)?.Value ?? "";
    public string CompletedOn => VietnamClock.Date(Certificate!.CompletedAt);
    public string VerifyUrl => address.For(Request, $"/xac-minh/{Certificate!.Id:N}");

    public async Task<IActionResult> OnGetAsync([FromRoute] string course)
    {
        if (await CompletedCourseAsync(course) is not var (found, _))
        {
            return NotFound();
        }
        var me = LearnerIdentity.SignedIn(HttpContext)!.Value;
        Certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.LearnerId == me && c.CourseSlug == found.Slug);
        CourseTitle = found.Title;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string course)
    {
        if (await CompletedCourseAsync(course) is not var (found, completedAt))
        {
            return NotFound();
        }
        var me = LearnerIdentity.SignedIn(HttpContext)!.Value;
        if (!await db.Certificates.AnyAsync(c => c.LearnerId == me && c.CourseSlug == found.Slug))
        {
            db.Certificates.Add(new CertificateRow
            {
                Id = Guid.NewGuid(), LearnerId = me, CourseSlug = found.Slug, FullName = FullName,
                CompletedAt = DateTime.SpecifyKind(completedAt, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        }
        return Redirect($"/c/{found.Slug}/chung-nhan");
    }

    /// <summary>The course, and when the signed-in person completed it; null when either is missing.</summary>
    async Task<(Course Course, DateTime CompletedAt)?> CompletedCourseAsync(string course)
    {
        if (catalog.Current.Find(course) is not { } found)
        {
            return null;
        }
        var progress = await grains.GetGrain<ILearnerGrain>(LearnerIdentity.SignedIn(HttpContext)!.Value).GetCourseProgress(found.Slug);
        return progress.CompletedAt is { } completedAt ? (found, completedAt) : null;
    }
}
