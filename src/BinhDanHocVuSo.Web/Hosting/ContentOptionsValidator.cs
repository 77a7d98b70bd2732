namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>A configured course or assessment folder exists (relative to the content root; left empty, it is looked for above it).</summary>
public sealed class ContentOptionsValidator(IHostEnvironment environment) : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        foreach (var (key, folder, holds) in new[]
        {
            (nameof(options.CoursesPath), options.CoursesPath, "one folder per course"),
            (nameof(options.AssessmentsPath), options.AssessmentsPath, "the survey definition and competence model"),
        })
        {
            if (!string.IsNullOrWhiteSpace(folder) && !Directory.Exists(Path.GetFullPath(folder, environment.ContentRootPath)))
            {
                failures.AddError($"{ContentOptions.Section}:{key} is '{folder}', which is not a folder; give the folder that holds {holds}, or leave it empty to use the repository's.");
            }
        }
        return failures.Build();
    }
}
