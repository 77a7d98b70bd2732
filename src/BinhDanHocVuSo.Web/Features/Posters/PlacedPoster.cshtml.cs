using BinhDanHocVuSo.Web.Features.Field;

namespace BinhDanHocVuSo.Web.Features.Posters;

/// <summary>
/// <c>/posters/placed/{code}</c>: the printable sheet of a placed poster, for whoever places posters in its commune. Its
/// QR code opens <c>/q/{code}</c> (absolute, see <see cref="PublicAddress"/>), so that its scans are counted; the place
/// is printed in small type, so that the poster is hung where it was meant to be.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PlacedPosterModel(FieldAccess access, PlacedPosters posters, ICourseCatalogSource catalog, CommuneDirectory communes,
    IStringLocalizer<SharedResource> text, PublicAddress address) : PageModel
{
    public PosterView Poster { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var reach = await access.ReachAsync(HttpContext, cancellationToken);
        if (!reach.Any)
        {
            return Forbid();
        }
        var poster = await posters.FindAsync(code, cancellationToken);
        if (poster is null || (await posters.CommunesAsync(reach, cancellationToken)).All(c => c.Id != poster.Commune))
        {
            return NotFound();
        }
        var course = catalog.Current.Find(poster.CourseSlug);
        var lesson = poster.LessonSlug is null ? null : course?.FindLesson(poster.LessonSlug)?.Lesson;
        var (title, subtitle) =
            lesson is not null ? (lesson.Title, $"{course!.Title} · {text["Minutes", lesson.Minutes]}")
            : course is not null && poster.LessonSlug is null ? (course.Title, $"{text["LessonCount", course.Lessons.Count]} · {text["Minutes", course.Minutes]}")
            : (PlacedModel.Describe(catalog.Current, poster), "");
        Poster = new PosterView(title, subtitle, address.For(Request, $"/q/{poster.Code}"),
            text.Posters("PlaceOnSheet", poster.Place, communes.NameOf(poster.Commune)));
        return Page();
    }
}
