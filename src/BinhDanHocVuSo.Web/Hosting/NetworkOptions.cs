using System.Net;

namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>The network in front of the platform: configuration section <c>Network</c>.</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>
    /// The reverse proxies (e.g. nginx) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed: addresses
    /// or networks, comma-separated (<c>10.0.0.2,10.0.1.0/24</c>); loopback is always trusted.
    /// </summary>
    public string? TrustedProxies { get; set; }

    /// <summary>The entries of <see cref="TrustedProxies"/>, each an address, a network, or neither (a mistake).</summary>
    internal IEnumerable<(string Entry, IPAddress? Address, IPNetwork? Network)> Proxies() =>
        (TrustedProxies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(entry =>
            IPAddress.TryParse(entry, out var address) ? (entry, (IPAddress?)address, (IPNetwork?)null)
            : IPNetwork.TryParse(entry, out var network) ? (entry, (IPAddress?)null, (IPNetwork?)network)
            : (entry, (IPAddress?)null, (IPNetwork?)null));
}
