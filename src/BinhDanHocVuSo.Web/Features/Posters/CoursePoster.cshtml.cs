namespace BinhDanHocVuSo.Web.Features.Posters;

/// <summary>A printable A4 poster of one course at <c>/c/{course}/poster</c>: title and a large QR code of its short address.</summary>
public sealed class CoursePosterModel(ICourseCatalogSource catalog, IStringLocalizer<SharedResource> text, PublicAddress address) : PageModel
{
    public PosterView Poster { get; private set; } = null!;

    public IActionResult OnGet(string course)
    {
        if (catalog.Current.Find(course) is not { } found)
        {
            return NotFound();
        }
        Poster = new PosterView(found.Title, $"{text["LessonCount", found.Lessons.Count]} · {text["Minutes", found.Minutes]}",
            address.For(Request, $"/c/{found.Slug}"));
        return Page();
    }
}
