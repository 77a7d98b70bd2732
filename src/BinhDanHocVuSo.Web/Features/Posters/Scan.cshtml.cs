namespace BinhDanHocVuSo.Web.Features.Posters;

/// <summary>
/// <c>/q/{code}</c>, the address in a placed poster's QR code: sends the person on to the poster's lesson or course with
/// <c>#q={code}</c>. A GET never writes, so the scan is not counted here: the fragment never reaches the server (the
/// lesson page stays the same, cached page), and site.js, reading it there, sends the scan with a POST. Without
/// JavaScript the scan is not counted. An unknown code: 404 with the reason.
/// </summary>
public sealed class ScanModel(PlacedPosters posters, ICourseCatalogSource catalog) : PageModel
{
    public string Code { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await posters.FindAsync(code, cancellationToken) is not { } poster)
        {
            Code = code;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        // A course or lesson taken out of the catalogue since the poster was printed: the course, or the home page.
        var course = catalog.Current.Find(poster.CourseSlug);
        var lesson = poster.LessonSlug is null ? null : course?.FindLesson(poster.LessonSlug)?.Lesson;
        var path = course is null ? "/" : lesson is null ? $"/c/{course.Slug}" : $"/c/{course.Slug}/{lesson.Slug}";
        return Redirect($"{path}#q={poster.Code}");
    }
}
