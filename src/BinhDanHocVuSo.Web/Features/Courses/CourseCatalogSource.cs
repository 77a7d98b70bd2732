using BinhDanHocVuSo.Content.Competences;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>The catalogue of courses currently served: loaded and validated once, swapped whole when files change.</summary>
public interface ICourseCatalogSource
{
    CourseCatalog Current { get; }

    /// <summary>The competence model the courses refer to: the platform's one instance, shared with the survey.</summary>
    CompetenceModel Competences { get; }
}

sealed class CourseCatalogSource : ICourseCatalogSource, IDisposable
{
    readonly string _coursesPath;
    readonly CompetenceModel _competences;
    readonly ILogger<CourseCatalogSource> _logger;
    readonly PhysicalFileProvider? _watcher;
    readonly IDisposable? _subscription;
    volatile CourseCatalog _current;

    public CourseCatalogSource(ContentFolders paths, CompetenceModel competences, bool watch, ILogger<CourseCatalogSource> logger)
    {
        _coursesPath = paths.Courses;
        _logger = logger;
        _competences = competences;
        _current = Load();
        if (watch)
        {
            _watcher = new PhysicalFileProvider(_coursesPath);
            _subscription = ChangeToken.OnChange(() => _watcher.Watch("**/*"), () => _current = Load());
        }
    }

    public CourseCatalog Current => _current;

    public CompetenceModel Competences => _competences;

    CourseCatalog Load()
    {
        var catalog = CourseLoader.Load(_coursesPath, _competences);
        foreach (var error in catalog.Errors)
        {
            _logger.LogError("Course content: {Error}", error.ToString());
        }
        _logger.LogInformation("Loaded {Count} courses from {Path}", catalog.Courses.Count, _coursesPath);
        return catalog;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _watcher?.Dispose();
    }
}

/// <summary>The resolved content folders.</summary>
public sealed record ContentFolders(string Courses, string Assessments);
