using System.Runtime.CompilerServices;
using BinhDanHocVuSo.Content.Competences;

namespace BinhDanHocVuSo.Content.Tests.Assessments;

/// <summary>Finds the shipped content and the test data from wherever the tests run.</summary>
internal static class AssessmentPaths
{
    private static readonly Lazy<string> _repoRoot = new(FindRepoRoot);

    public static string RepoRoot => _repoRoot.Value;

    public static string ShippedFolder => Path.Combine(RepoRoot, "assessments");

    public static string TestDataFolder => Path.Combine(RepoRoot, "tests", "BinhDanHocVuSo.Content.Tests", "TestData", "Assessments");

    public static CompetenceModel Competences() => CompetenceModel.Load(Path.Combine(ShippedFolder, "competences.yaml"));

    private static string FindRepoRoot()
    {
        // The build output usually sits inside the repository; with --artifacts-path it may not, so fall back to this source file.
        return FindUpwards(AppContext.BaseDirectory) ?? FindUpwards(ThisFile()) ?? throw new InvalidOperationException(
            $"BinhDanHocVuSo.sln not found above {AppContext.BaseDirectory} or {ThisFile()}");
    }

    private static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BinhDanHocVuSo.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string ThisFile([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? "";
}
