using BinhDanHocVuSo.Web.Features.Field;

namespace BinhDanHocVuSo.Web.Features.Posters;

/// <summary>
/// <c>/posters/placed</c>: posters placed in a commune, whose scans are counted. A commune's leader, a member of a team of
/// the commune or an administrator names the place and the course or lesson; the poster gets a short code and its QR
/// code opens <c>/q/{code}</c>. Lists the posters of the communes the person reaches.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PlacedModel(FieldAccess access, PlacedPosters posters, ICourseCatalogSource catalog, CommuneDirectory directory,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<Commune> Communes { get; private set; } = [];
    public IReadOnlyList<PosterRow> Posters { get; private set; } = [];
    public CourseCatalog Catalog => catalog.Current;
    public CommuneDirectory Directory => directory;
    public string? Error { get; private set; }

    /// <summary>The field whose value was refused, for <c>aria-invalid</c>.</summary>
    public string? ErrorField { get; private set; }

    [BindProperty] public string? Commune { get; set; }
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? Place { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ReadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await ReadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        var commune = Communes.Count == 1 && string.IsNullOrEmpty(Commune) ? Communes[0] : Communes.FirstOrDefault(c => c.Id == Commune);
        if (commune is null)
        {
            // A commune the person does not reach (or none at all): the same answer as a commune out of reach elsewhere.
            return directory.Find(Commune) is null ? Fail("commune", text.Posters("BadCommune")) : NotFound();
        }
        var (course, lesson) = Split(Target);
        if (course is null)
        {
            return Fail("target", text.Posters("BadTarget"));
        }
        var place = Place?.Trim().Normalize(NormalizationForm.FormC);
        if (string.IsNullOrEmpty(place) || place.Length > PlacedPosters.PlaceLength || place.Any(char.IsControl))
        {
            return Fail("place", text.Posters("BadPlace", PlacedPosters.PlaceLength));
        }
        var poster = await posters.CreateAsync(commune.Id, course.Slug, lesson?.Slug, place, LearnerIdentity.SignedIn(HttpContext)!.Value, cancellationToken);
        return Redirect($"/posters/placed/{poster.Code}");
    }

    /// <summary>What a poster leads to: the lesson's title after its course's, or the course's; the slugs when it is no longer in the catalogue.</summary>
    public string TitleOf(PosterRow poster) => Describe(catalog.Current, poster);

    public static string Describe(CourseCatalog catalog, PosterRow poster) => catalog.Find(poster.CourseSlug) is not { } course
        ? poster.LessonSlug is null ? poster.CourseSlug : $"{poster.CourseSlug}/{poster.LessonSlug}"
        : poster.LessonSlug is null ? course.Title
        : $"{course.Title} › {course.FindLesson(poster.LessonSlug)?.Lesson.Title ?? poster.LessonSlug}";

    /// <summary>The course and lesson a form value names: <c>course</c> or <c>course/lesson</c>, as the select offers them.</summary>
    (Course? Course, Lesson? Lesson) Split(string? target)
    {
        var parts = (target ?? "").Split('/');
        if (parts.Length is < 1 or > 2 || catalog.Current.Find(parts[0]) is not { } course)
        {
            return (null, null);
        }
        if (parts.Length == 1)
        {
            return (course, null);
        }
        return course.Lessons.FirstOrDefault(l => l.Slug == parts[1]) is { } lesson ? (course, lesson) : (null, null);
    }

    IActionResult Fail(string field, string error)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Error = error;
        ErrorField = field;
        return Page();
    }

    async Task<IActionResult?> ReadAsync(CancellationToken cancellationToken)
    {
        var reach = await access.ReachAsync(HttpContext, cancellationToken);
        if (!reach.Any)
        {
            return Forbid();
        }
        Communes = await posters.CommunesAsync(reach, cancellationToken);
        if (Communes.Count == 0)
        {
            return Forbid();
        }
        Posters = await posters.OfAsync([.. Communes.Select(c => c.Id)], cancellationToken);
        return null;
    }
}
