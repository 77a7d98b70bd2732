using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Courses;

namespace BinhDanHocVuSo.Content.Tests.Courses;

/// <summary>A copy of a course in a temporary courses folder, for tests that edit files.</summary>
internal sealed class TempCourse : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bdhvs-" + Guid.NewGuid().ToString("N"));

    private string CourseFolder => Path.Combine(_root, "courses", "khoa");

    public static TempCourse CopyOf(string courseFolder)
    {
        var course = new TempCourse();
        Directory.CreateDirectory(course.CourseFolder);
        foreach (var file in Directory.EnumerateFiles(courseFolder))
        {
            File.Copy(file, Path.Combine(course.CourseFolder, Path.GetFileName(file)));
        }

        return course;
    }

    public void Edit(string fileName, Func<string, string> change)
    {
        var path = Path.Combine(CourseFolder, fileName);
        File.WriteAllText(path, change(File.ReadAllText(path)));
    }

    public void Write(string fileName, string text) => File.WriteAllText(Path.Combine(CourseFolder, fileName), text);

    public CourseCatalog Load(CompetenceModel competences) => CourseLoader.Load(Path.Combine(_root, "courses"), competences);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
