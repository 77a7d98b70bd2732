namespace BinhDanHocVuSo.Web.Hosting;

/// <summary><see cref="DatabaseOptions.Provider"/> names a provider the platform has migrations for.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.Provider) || Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{DatabaseSettings.ProviderKey} is '{options.Provider}'; set it to 'Sqlite' (embedded, the default) or 'Postgres'.");
}
