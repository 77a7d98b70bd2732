using System.Net;

namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>A known clustering, usable ports and a parseable advertised address for <see cref="SiloOptions"/>.</summary>
public sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        if (options.Clustering is { Length: > 0 } clustering && !SiloOptions.Clusterings.Contains(clustering, StringComparer.OrdinalIgnoreCase))
        {
            failures.AddError($"{SiloOptions.Section}:Clustering is '{clustering}'; use 'Localhost', or 'AdoNet' together with Database:Provider 'Postgres' (empty follows Database:Provider).");
        }
        if (string.IsNullOrWhiteSpace(options.ClusterId) || string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.AddError($"{SiloOptions.Section}:ClusterId and {SiloOptions.Section}:ServiceId must not be empty (default 'binhdanhocvuso').");
        }
        foreach (var (key, port) in new[] { (nameof(options.SiloPort), options.SiloPort), (nameof(options.GatewayPort), options.GatewayPort) })
        {
            if (port is < IPEndPoint.MinPort or > IPEndPoint.MaxPort)
            {
                failures.AddError($"{SiloOptions.Section}:{key} is {port}; set a TCP port from 0 to 65535.");
            }
        }
        if (!string.IsNullOrWhiteSpace(options.AdvertisedIPAddress) && !IPAddress.TryParse(options.AdvertisedIPAddress, out _))
        {
            failures.AddError($"{SiloOptions.Section}:AdvertisedIPAddress is '{options.AdvertisedIPAddress}'; set this silo's IP address as the other silos reach it, e.g. 10.0.0.5.");
        }
        return failures.Build();
    }
}
