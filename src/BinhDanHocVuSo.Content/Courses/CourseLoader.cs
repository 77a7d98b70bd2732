using BinhDanHocVuSo.Content.Competences;

namespace BinhDanHocVuSo.Content.Courses;

/// <summary>Loads the courses folder into a <see cref="CourseCatalog"/>, checking every rule of courses/README.md.</summary>
public static class CourseLoader
{
    /// <summary>
    /// Loads every sub-folder of <paramref name="coursesPath"/> that has a course.md. A course with any error is
    /// reported and left out; the others still load. Folders are read in name order, so when two courses claim
    /// the same slug the first folder keeps it. Error paths are relative to the folder above <paramref name="coursesPath"/>.
    /// </summary>
    public static CourseCatalog Load(string coursesPath, CompetenceModel competences)
    {
        var fullPath = Path.GetFullPath(coursesPath);
        var root = Path.GetDirectoryName(fullPath.TrimEnd(Path.DirectorySeparatorChar)) ?? fullPath;
        var errors = new List<ContentError>();
        if (!Directory.Exists(fullPath))
        {
            errors.Add(new ContentError(ContentPaths.Relative(root, fullPath), 0, "the courses folder does not exist"));
            return new CourseCatalog([], errors);
        }

        var courses = new List<Course>();
        var slugOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        var folders = Directory.EnumerateDirectories(fullPath)
            .Where(folder => !Path.GetFileName(folder).StartsWith('.'))
            .Order(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            if (!File.Exists(Path.Combine(folder, CourseReader.CourseFileName)))
            {
                errors.Add(new ContentError(ContentPaths.Relative(root, folder) + "/", 0, "this folder has no course.md: add one (see courses/README.md), or move the folder out of the courses folder"));
                continue;
            }

            var result = CourseReader.Read(folder, competences, root);
            errors.AddRange(result.Errors);
            if (result.Slug is null)
            {
                continue;
            }

            if (slugOwners.TryGetValue(result.Slug, out var owner))
            {
                var location = result.SlugLocation!;
                errors.Add(location with { Message = $"the course slug '{result.Slug}' is already used by {owner}: give this course another slug" });
                continue;
            }

            slugOwners[result.Slug] = result.SlugLocation?.File ?? folder;
            if (result.Course is not null)
            {
                courses.Add(result.Course);
            }
        }

        var glossaryPath = Path.Combine(fullPath, Glossary.FileName);
        var glossary = File.Exists(glossaryPath) ? Glossary.Read(glossaryPath, root, errors) : null;
        return new CourseCatalog(courses, errors, glossary);
    }
}
