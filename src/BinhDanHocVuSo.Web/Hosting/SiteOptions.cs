namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>The public site: configuration section <c>Site</c>.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The address people type or scan, e.g. <c>https://hoc.caobang.gov.vn</c> (see <see cref="PublicAddress"/>).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The public base as an absolute http(s) address without query or fragment, or null when it is not one.</summary>
    internal static Uri? ParseBaseUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
            && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment) ? url : null;
}
