namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>Every limit of <see cref="AccountsOptions"/> is a count above zero.</summary>
public sealed class AccountsOptionsValidator : IValidateOptions<AccountsOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountsOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        Positive(failures, nameof(options.AttemptsPerMinute), options.AttemptsPerMinute, "requests per minute", 20);
        Positive(failures, nameof(options.MaxImportKilobytes), options.MaxImportKilobytes, "kilobytes", 512);
        Positive(failures, nameof(options.SessionCheckSeconds), options.SessionCheckSeconds, "seconds", 30);
        Positive(failures, nameof(options.IssuedResetsPerMinute), options.IssuedResetsPerMinute, "reset codes per minute", 10);
        Positive(failures, nameof(options.JoinAttemptsPerMinute), options.JoinAttemptsPerMinute, "attempts per minute", 10);
        Positive(failures, nameof(options.MaxImportRows), options.MaxImportRows, "rows", 2000);
        return failures.Build();
    }

    static void Positive(ValidateOptionsResultBuilder failures, string key, int value, string unit, int byDefault)
    {
        if (value <= 0)
        {
            failures.AddError($"{AccountsOptions.Section}:{key} is {value}; set a number of {unit} above 0 (default {byDefault}).");
        }
    }
}
