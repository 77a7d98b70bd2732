namespace BinhDanHocVuSo.Web.Features.Posters;

/// <summary>
/// <c>/posters</c>: one printable sheet with a QR code for every course, and links to the poster of each
/// course and lesson, for trainers and one-stop counters.
/// </summary>
public sealed class IndexModel(ICourseCatalogSource catalog) : PageModel
{
    public IReadOnlyList<Course> Courses { get; private set; } = [];

    public void OnGet() => Courses = catalog.Current.Courses;
}
