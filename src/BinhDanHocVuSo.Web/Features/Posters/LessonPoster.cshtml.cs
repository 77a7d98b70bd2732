namespace BinhDanHocVuSo.Web.Features.Posters;

/// <summary>A printable A4 poster of one lesson at <c>/c/{course}/{lesson}/poster</c>, for a counter that helps with one procedure.</summary>
public sealed class LessonPosterModel(ICourseCatalogSource catalog, IStringLocalizer<SharedResource> text, PublicAddress address) : PageModel
{
    public PosterView Poster { get; private set; } = null!;

    public IActionResult OnGet(string course, string lesson)
    {
        if (catalog.Current.Find(course) is not { } found || found.FindLesson(lesson) is not { } match)
        {
            return NotFound();
        }
        if (match.IsAlias)
        {
            return RedirectPermanent($"/c/{found.Slug}/{match.Lesson.Slug}/poster");
        }
        Poster = new PosterView(match.Lesson.Title, $"{found.Title} · {text["Minutes", match.Lesson.Minutes]}",
            address.For(Request, $"/c/{found.Slug}/{match.Lesson.Slug}"));
        return Page();
    }
}
