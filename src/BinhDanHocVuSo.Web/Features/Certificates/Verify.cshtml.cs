namespace BinhDanHocVuSo.Web.Features.Certificates;

/// <summary>
/// Public check of a printed certificate: the name, the course and the date, nothing else personal; or, once the
/// holder deleted their account, only that it was withdrawn (410).
/// </summary>
public sealed class VerifyModel(AppDbContext db, ICourseCatalogSource catalog) : PageModel
{
    public bool Withdrawn { get; private set; }
    public string Name { get; private set; } = "";
    public string CourseTitle { get; private set; } = "";
    public string CompletedOn { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id) is not { } certificate)
        {
            return NotFound();
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
