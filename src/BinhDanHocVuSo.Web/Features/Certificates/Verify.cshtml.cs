using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Courses;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BinhDanHocVuSo.Web.Features.Certificates;

/// <summary>Public check of a printed certificate: the name, the course and the date, nothing else personal.</summary>
[UnknownHandlerIsNotFound]
public sealed class VerifyModel(AppDbContext db, ICourseCatalogSource catalog) : PageModel
{
    public string Name { get; private set; } = "";
    public string CourseTitle { get; private set; } = "";
    public string CompletedOn { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id) is not { } certificate)
        {
            return NotFound();
        }
        Name = certificate.FullName;
        CourseTitle = catalog.Current.Find(certificate.CourseSlug)?.Title
            ?? await db.Courses.Where(c => c.Slug == certificate.CourseSlug).Select(c => c.Title).FirstOrDefaultAsync()
            ?? certificate.CourseSlug;
        CompletedOn = certificate.CompletedAt.AddHours(7).ToString("dd/MM/yyyy");
        return Page();
    }
}
