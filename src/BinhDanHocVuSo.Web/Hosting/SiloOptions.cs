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

    /// <summary>The accepted values of <see cref="Clustering"/>.</summary>
    public static readonly string[] Clusterings = ["Localhost", "AdoNet"];

    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos use to reach this one; defaults to loopback.</summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>
    /// Turns on the read-only <c>/_diagnostics</c> endpoints (see <see cref="DiagnosticsExtensions"/>).
    /// Off by default: it is for proving a cluster in tests and during set-up, not for production.
    /// </summary>
    public bool Diagnostics { get; set; }

    /// <summary>
    /// Section <c>Orleans:Membership</c> is bound onto Orleans' own <c>ClusterMembershipOptions</c> (e.g.
    /// <c>Orleans:Membership:ProbeTimeout=00:00:02</c>). Left empty, Orleans' defaults apply: a silo that
    /// vanishes is declared dead after roughly 15–30 s, which suits production. Tests shorten it.
    /// </summary>
    public const string MembershipSection = Section + ":Membership";

    /// <summary>The advertised address (checked by <see cref="SiloOptionsValidator"/>), or loopback.</summary>
    internal IPAddress AdvertisedAddress() =>
        string.IsNullOrWhiteSpace(AdvertisedIPAddress) ? IPAddress.Loopback : IPAddress.Parse(AdvertisedIPAddress);
}
