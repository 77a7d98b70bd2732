namespace BinhDanHocVuSo.Web.Hosting;

/// <summary><see cref="SiteOptions.PublicBaseUrl"/> is empty or an absolute http(s) address.</summary>
public sealed class SiteOptionsValidator : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl) || SiteOptions.ParseBaseUrl(options.PublicBaseUrl) is not null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{PublicAddress.Key} is '{options.PublicBaseUrl}'; set it to the platform's public address, e.g. https://hoc.caobang.gov.vn");
}
