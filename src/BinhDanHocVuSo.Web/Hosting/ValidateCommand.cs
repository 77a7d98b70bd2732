using BinhDanHocVuSo.Content.Competences;

namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// <c>dotnet run --project src/BinhDanHocVuSo.Web -- validate [coursesPath] [assessmentsPath]</c>: checks the
/// content as the platform would at start and lists every problem with file and line; exit code 1 when any.
/// </summary>
public static class ValidateCommand
{
    public static int Run(string[] args)
    {
        var here = Directory.GetCurrentDirectory();
        var courses = ContentOptions.Resolve(args.ElementAtOrDefault(0), "courses", here);
        var assessments = ContentOptions.Resolve(args.ElementAtOrDefault(1), "assessments", here);
        var competences = CompetenceModel.Load(Path.Combine(assessments, "competences.yaml"));
        var catalog = CourseLoader.Load(courses, competences);
        var errors = competences.Errors.Concat(catalog.Errors).ToList();
        foreach (var error in errors)
        {
            Console.WriteLine(error);
        }
        foreach (var course in catalog.Courses)
        {
            // The oldest source says how current a course is: a reviewer checks the oldest first.
            Console.WriteLine($"{course.Slug}: {course.Sources.Count} sources, oldest {course.OldestSourceDate}");
        }
        Console.WriteLine($"{catalog.Courses.Count} courses, {catalog.Courses.Sum(c => c.Lessons.Count)} lessons, {errors.Count} errors.");
        return errors.Count == 0 ? 0 : 1;
    }
}
