using System.Net;

namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>The co-hosted Orleans silo: configuration section <c>Orleans</c>.</summary>
public sealed class SiloOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "binhdanhocvuso";
    public string ServiceId { get; set; } = "binhdanhocvuso";

    /// <summary><c>Localhost</c> (one process), <c>AdoNet</c> (silos share PostgreSQL), or empty to follow <c>Database:Provider</c>.</summary>
    public string? Clustering { get; set; }

    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos use to reach this one; defaults to loopback.</summary>
    public string? AdvertisedIPAddress { get; set; }

    internal IPAddress AdvertisedAddress() =>
        string.IsNullOrWhiteSpace(AdvertisedIPAddress) ? IPAddress.Loopback
        : IPAddress.TryParse(AdvertisedIPAddress, out var address) ? address
        : throw new StartupException($"Orleans:AdvertisedIPAddress '{AdvertisedIPAddress}' is not an IP address.");
}
