using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BinhDanHocVuSo.Web.Features.Certificates;

/// <summary>
/// The certificate of a completed course, printable on A4, with a QR code of its public verification address.
/// Issued once per person and course, with the name on the account at that time.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CertificateModel(ICourseCatalogSource catalog, IGrainFactory grains, AppDbContext db, PublicAddress address) : PageModel
{
    public CertificateRow Certificate { get; private set; } = null!;
    public string CourseTitle { get; private set; } = "";
    public string CompletedOn => VietnamClock.Date(Certificate.CompletedAt);
    public string VerifyUrl => address.For(Request, $"/xac-minh/{Certificate.Id:N}");

    public async Task<IActionResult> OnGetAsync([FromRoute] string course)
    {
        var me = LearnerIdentity.SignedIn(HttpContext)!.Value;
        if (catalog.Current.Find(course) is not { } found)
        {
            return NotFound();
        }
        var progress = await grains.GetGrain<ILearnerGrain>(me).GetCourseProgress(found.Slug);
        if (progress.CompletedAt is not { } completedAt)
        {
            return NotFound();
        }
        Certificate = await db.Certificates.FirstOrDefaultAsync(c => c.LearnerId == me && c.CourseSlug == found.Slug)
            ?? await IssueAsync(me, found.Slug, completedAt);
        CourseTitle = found.Title;
        return Page();
    }

    async Task<CertificateRow> IssueAsync(Guid learnerId, string courseSlug, DateTime completedAt)
    {
        var name = User.FindFirst(AppClaimsFactory.FullName)?.Value ?? "";
        var certificate = new CertificateRow
        {
            Id = Guid.NewGuid(), LearnerId = learnerId, CourseSlug = courseSlug, FullName = name,
            CompletedAt = DateTime.SpecifyKind(completedAt, DateTimeKind.Utc),
        };
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync();
        return certificate;
    }
}
