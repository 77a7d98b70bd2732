using BinhDanHocVuSo.Web.Features.Courses;

namespace BinhDanHocVuSo.Web.Hosting;

public static class CourseEngineExtensions
{
    /// <summary>Loads and validates <c>Content:CoursesPath</c> at start, seeds the catalogue tables, and reloads on file changes.</summary>
    public static WebApplicationBuilder AddCourseEngine(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ContentOptions, ContentOptionsValidator>(ContentOptions.Section);
        var options = builder.StartupOptions(ContentOptions.Section, new ContentOptionsValidator(builder.Environment));
        var root = builder.Environment.ContentRootPath;
        var paths = new ContentFolders(
            ContentOptions.Resolve(options.CoursesPath, "courses", root),
            ContentOptions.Resolve(options.AssessmentsPath, "assessments", root));
        var watch = options.Watch ?? builder.Environment.IsDevelopment();

        builder.Services.AddSingleton(paths);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<VietnamClock>();
        builder.Services.AddSingleton<LessonShells>();
        builder.Services.AddSingleton<ICourseCatalogSource>(services =>
            new CourseCatalogSource(paths, watch, services.GetRequiredService<ILogger<CourseCatalogSource>>()));
        builder.Services.AddHostedService<CatalogSeeder>();
        return builder;
    }
}
