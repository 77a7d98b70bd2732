using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// The one way a configuration section is read: bound to its options class and checked by the class's validator, whose
/// one-line message (naming the key and what it accepts) stops the start (see <see cref="StartupErrors"/>).
/// </summary>
public static class OptionsExtensions
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/> for <c>IOptions&lt;T&gt;</c> consumers, validated when the host starts.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// The same options while services are still being registered (Orleans clustering, the communes folder, the key-ring
    /// certificate): bound once per builder and checked by the same validator, so a wrong value stops the start with the
    /// same message as the same validator registered with <see cref="AddValidatedOptions{TOptions, TValidator}"/> does.
    /// </summary>
    public static TOptions StartupOptions<TOptions>(this IHostApplicationBuilder builder, string section, IValidateOptions<TOptions> validator)
        where TOptions : class, new()
    {
        if (builder.Properties.TryGetValue(typeof(TOptions), out var read))
        {
            return (TOptions)read;
        }
        var options = new TOptions();
        builder.Configuration.GetSection(section).Bind(options);
        var result = validator.Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), result.Failures);
        }
        builder.Properties[typeof(TOptions)] = options;
        return options;
    }
}
