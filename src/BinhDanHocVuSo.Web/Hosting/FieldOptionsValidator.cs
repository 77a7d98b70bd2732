namespace BinhDanHocVuSo.Web.Hosting;

/// <summary><see cref="FieldOptions.FiguresMaxAge"/> is from zero to one day.</summary>
public sealed class FieldOptionsValidator : IValidateOptions<FieldOptions>
{
    public ValidateOptionsResult Validate(string? name, FieldOptions options) =>
        options.FiguresMaxAge >= TimeSpan.Zero && options.FiguresMaxAge <= TimeSpan.FromDays(1)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{FieldOptions.Section}:{nameof(options.FiguresMaxAge)} is {options.FiguresMaxAge}; set a time from 00:00:00 (count on every read) to 1.00:00:00, e.g. 00:02:00 (the default).");
}
