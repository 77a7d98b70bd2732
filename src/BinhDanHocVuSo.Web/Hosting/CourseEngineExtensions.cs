using BinhDanHocVuSo.Content.Competences;

namespace BinhDanHocVuSo.Web.Hosting;

public static class CourseEngineExtensions
{
    /// <summary>
    /// Loads and validates <c>Content:CoursesPath</c> at start, seeds the catalogue tables, and reloads on file changes.
    /// Registers the competence model (<c>competences.yaml</c> of <c>Content:AssessmentsPath</c>) once: the courses and
    /// the survey refer to the same instance.
    /// </summary>
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
        builder.Services.AddSingleton(services => LoadCompetences(paths, services.GetRequiredService<ILogger<CompetenceModel>>()));
        builder.Services.AddSingleton<ICourseCatalogSource>(services => new CourseCatalogSource(
            paths, services.GetRequiredService<CompetenceModel>(), watch, services.GetRequiredService<ILogger<CourseCatalogSource>>()));
        builder.Services.AddHostedService<CatalogSeeder>();
        return builder;
    }

    static CompetenceModel LoadCompetences(ContentFolders paths, ILogger logger)
    {
        var competences = CompetenceModel.Load(Path.Combine(paths.Assessments, "competences.yaml"));
        foreach (var error in competences.Errors)
        {
            logger.LogError("Competence model: {Error}", error.ToString());
        }
        return competences;
    }
}
