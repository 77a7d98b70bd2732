using BinhDanHocVuSo.Content.Competences;

namespace BinhDanHocVuSo.Content.Assessments;

/// <summary>
/// Loads survey definitions (<c>assessments/survey-v1.yaml</c> …) and validates them against the competence
/// model. A file with any error is reported and skipped; the others load.
/// </summary>
public static class SurveyLoader
{
    /// <summary>The file name pattern of survey definitions inside a folder.</summary>
    public const string FilePattern = "survey-*.yaml";

    /// <summary>
    /// Loads one survey file, or every <see cref="FilePattern"/> file of a folder. Errors name the file relative
    /// to the folder above the file's folder (e.g. <c>assessments/survey-v1.yaml</c>) and a 1-based line.
    /// </summary>
    /// <param name="path">A survey file or a folder of them.</param>
    /// <param name="competences">The competence model that items and targets refer to.</param>
    public static SurveyLoadResult Load(string path, CompetenceModel competences)
    {
        var fullPath = Path.GetFullPath(path);
        string[] files = Directory.Exists(fullPath)
            ? [.. Directory.GetFiles(fullPath, FilePattern).Order(StringComparer.Ordinal)]
            : [fullPath];

        var surveys = new List<SurveyDefinition>();
        var allErrors = new List<ContentError>();
        foreach (var file in files)
        {
            var root = Path.GetDirectoryName(Path.GetDirectoryName(file)) ?? "";
            var errors = new ErrorList(ContentPaths.Relative(root, file));
            var survey = File.Exists(file) ? SurveyReader.Read(file, competences, errors) : Missing(errors);
            if (survey is not null && surveys.FirstOrDefault(s => s.Id == survey.Id && s.Version == survey.Version) is { } other)
            {
                errors.Add(0, $"survey '{survey.Id}' version {survey.Version} is also defined in {other.File}: a new version needs a new version number");
                survey = null;
            }

            allErrors.AddRange(errors.Items);
            if (survey is not null)
            {
                surveys.Add(survey);
            }
        }

        return new SurveyLoadResult(surveys, allErrors);
    }

    private static SurveyDefinition? Missing(ErrorList errors)
    {
        errors.Add(0, "the survey file does not exist");
        return null;
    }
}
