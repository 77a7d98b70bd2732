namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// Finds the readable cause of a failed start (a setting to fix) so that Program can print one line
/// instead of a stack trace. Anything else is a bug and keeps its stack trace.
/// </summary>
public static class StartupErrors
{
    public static string? Describe(Exception e) => e switch
    {
        StartupException startup => startup.Message,
        OptionsValidationException options => string.Join("; ", options.Failures),
        // The configuration binder's own message names the key and the type it wanted, e.g. "Failed to convert
        // configuration value 'abc' at 'Accounts:SessionCheckSeconds' to type 'System.Int32'."
        InvalidOperationException { Source: "Microsoft.Extensions.Configuration.Binder" } binding => binding.Message,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Describe).FirstOrDefault(m => m is not null),
        _ when e.InnerException is not null => Describe(e.InnerException),
        _ => null,
    };
}
