using System.Runtime.CompilerServices;

namespace BinhDanHocVuSo.Content.Tests;

/// <summary>Finds the repository from the test binaries, so tests read the real content and test data in place.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Courses => Path.Combine(Root, "courses");

    public static string Competences => Path.Combine(Root, "assessments", "competences.yaml");

    public static string TestData => Path.Combine(Root, "tests", "BinhDanHocVuSo.Content.Tests", "TestData");

    public static string Specs => Path.Combine(Root, "tests", "BinhDanHocVuSo.Content.Tests", "Markdown", "Specs");

    // Builds may put binaries outside the repository (--artifacts-path), so the source file's own path is the fallback.
    private static string FindRoot([CallerFilePath] string sourceFile = "") =>
        FindAbove(AppContext.BaseDirectory) ?? FindAbove(Path.GetDirectoryName(sourceFile) ?? "")
        ?? throw new InvalidOperationException($"BinhDanHocVuSo.sln not found above {AppContext.BaseDirectory} or {sourceFile}");

    private static string? FindAbove(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BinhDanHocVuSo.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
