namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>Every entry of <see cref="NetworkOptions.TrustedProxies"/> is an address or a network.</summary>
public sealed class NetworkOptionsValidator : IValidateOptions<NetworkOptions>
{
    public ValidateOptionsResult Validate(string? name, NetworkOptions options) =>
        options.Proxies().FirstOrDefault(p => p.Address is null && p.Network is null) is { Entry: { } wrong }
            ? ValidateOptionsResult.Fail($"{WebUiExtensions.TrustedProxiesKey} has '{wrong}'; list the proxies' addresses or networks, e.g. 10.0.0.2,10.0.1.0/24")
            : ValidateOptionsResult.Success;
}
