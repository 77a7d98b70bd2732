namespace BinhDanHocVuSo.Content.Courses;

/// <summary>
/// An immutable snapshot of all courses that loaded without errors, and the errors of those that did not.
/// Safe to share between threads; reloading produces a new catalog.
/// </summary>
public sealed class CourseCatalog
{
    private readonly Dictionary<string, Course> _bySlug;

    /// <summary>Creates a catalog; courses are sorted by order, then slug.</summary>
    public CourseCatalog(IEnumerable<Course> courses, IEnumerable<ContentError> errors, Glossary? glossary = null)
    {
        Glossary = glossary ?? Glossary.Empty;
        Courses = [.. courses.OrderBy(c => c.Order).ThenBy(c => c.Slug, StringComparer.Ordinal)];
        Errors = [.. errors];
        _bySlug = Courses.ToDictionary(c => c.Slug, StringComparer.Ordinal);
    }

    /// <summary>Courses sorted by order, then slug.</summary>
    public IReadOnlyList<Course> Courses { get; }

    /// <summary>Every problem found; the courses they belong to are not in <see cref="Courses"/>.</summary>
    public IReadOnlyList<ContentError> Errors { get; }

    /// <summary>The hard words explained (courses/glossary.yaml); empty when the file is absent or has errors.</summary>
    public Glossary Glossary { get; }

    /// <summary>The course with this slug, or null.</summary>
    public Course? Find(string slug) => _bySlug.GetValueOrDefault(slug);
}
