namespace BinhDanHocVuSo.Web.Features.Certificates;

/// <summary>
/// Public check of a printed certificate: the name, the course and the date, nothing else personal; or, once the
/// holder deleted their account, only that it was withdrawn (410). An id no certificate has (mistyped, or a forged
/// paper) is answered "not valid" with 404, not with the general "page not found".
/// </summary>
public sealed class VerifyModel(AppDbContext db, ICourseCatalogSource catalog) : PageModel
{
    public bool NotValid { get; private set; }
    public bool Withdrawn { get; private set; }
    public string Name { get; private set; } = "";
    public string CourseTitle { get; private set; } = "";
    public string CompletedOn { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!Guid.TryParse(id, out var certificateId)
            || await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == certificateId) is not { } certificate)
        {
            NotValid = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (certificate.WithdrawnAt is not null)
        {
            // The holder deleted their account: say only that, with no name, course or date.
            Withdrawn = true;
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        Name = certificate.FullName;
        CourseTitle = catalog.Current.Find(certificate.CourseSlug)?.Title
            ?? await db.Courses.Where(c => c.Slug == certificate.CourseSlug).Select(c => c.Title).FirstOrDefaultAsync()
            ?? certificate.CourseSlug;
        CompletedOn = VietnamClock.Date(certificate.CompletedAt);
        return Page();
    }
}
