using Microsoft.AspNetCore.StaticFiles;

namespace BinhDanHocVuSo.Web.Features.Courses;

public static class CourseEndpoints
{
    static readonly FileExtensionContentTypeProvider ContentTypes = new();
    static readonly HashSet<string> ImageTypes = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"];

    /// <summary>The catalogue as JSON and the images beside the lessons. Pages live in <c>Features/Courses/*.cshtml</c>.</summary>
    public static IEndpointRouteBuilder MapCourses(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/courses", GetCatalogue).WithTags("Courses");
        app.MapGet("/c/{course}/media/{file}", GetMedia);
        return app;
    }

    /// <param name="For">The catalogue section: "citizens" or "officials".</param>
    public sealed record CatalogueCourse(string Slug, string Title, string Summary, IReadOnlyList<string> Competences, int Minutes, IReadOnlyList<CatalogueLesson> Lessons,
        string For, int EntryLevel, int ExitLevel);

    public sealed record CatalogueLesson(string Slug, string Title, int Minutes);

    static IResult GetCatalogue(ICourseCatalogSource catalog) =>
        TypedResults.Ok(catalog.Current.Courses.Select(c => new CatalogueCourse(c.Slug, c.Title, c.Summary, c.Competences, c.Minutes,
            [.. c.Lessons.Select(l => new CatalogueLesson(l.Slug, l.Title, l.Minutes))],
            c.For == CourseReaders.Officials ? "officials" : "citizens", c.EntryLevel, c.ExitLevel)).ToList());

    static IResult GetMedia(string course, string file, ICourseCatalogSource catalog, HttpContext http)
    {
        var found = catalog.Current.Find(course);
        // Only plain image names beside the course: no sub-paths, so no way out of the course folder.
        if (found is null || file != Path.GetFileName(file) || !ImageTypes.Contains(Path.GetExtension(file).ToLowerInvariant()))
        {
            return TypedResults.NotFound();
        }
        var path = Path.Combine(found.DirectoryPath, file);
        if (!File.Exists(path))
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.CacheControl = "public, max-age=604800";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        ContentTypes.TryGetContentType(path, out var type);
        if (type == "image/svg+xml")
        {
            // A drawing opened on its own is a document: sandboxed, it can run nothing and load nothing, even if a check were missed.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        }
        return TypedResults.PhysicalFile(path, type ?? "application/octet-stream", enableRangeProcessing: false,
            lastModified: File.GetLastWriteTimeUtc(path));
    }
}
