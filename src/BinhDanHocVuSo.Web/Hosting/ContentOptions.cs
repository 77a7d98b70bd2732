namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>Where the course and survey files are: configuration section <c>Content</c>.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>Folder of courses; default: the repository's <c>courses/</c>.</summary>
    public string? CoursesPath { get; set; }

    /// <summary>Folder of the survey definition and competence model; default: the repository's <c>assessments/</c>.</summary>
    public string? AssessmentsPath { get; set; }

    /// <summary>Reload courses when their files change; on by default in Development.</summary>
    public bool? Watch { get; set; }

    /// <summary>Resolves a configured folder relative to the content root, or finds the named folder above it.</summary>
    public static string Resolve(string? configured, string folderName, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folderName);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new StartupException($"No '{folderName}' folder found above {contentRoot}; set Content:{(folderName == "courses" ? "CoursesPath" : "AssessmentsPath")}.");
    }
}
