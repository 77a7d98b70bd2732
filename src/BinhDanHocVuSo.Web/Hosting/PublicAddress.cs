namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// The address people type or scan to reach the platform, for what leaves the screen (poster QR codes, printed login
/// cards). <c>Site:PublicBaseUrl</c> when set, so that a forged <c>Host</c> header never ends up on paper; otherwise
/// the address the request came in on (fine on a developer's machine; a warning at start in Production).
/// </summary>
public sealed class PublicAddress(IOptions<SiteOptions> options)
{
    public const string Key = SiteOptions.Section + ":" + nameof(SiteOptions.PublicBaseUrl);

    /// <summary>The configured base, without a trailing slash, or null when the request's own address is used.</summary>
    public string? BaseUrl { get; } = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null
        : SiteOptions.ParseBaseUrl(options.Value.PublicBaseUrl)?.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>The absolute address of <paramref name="path"/> (which starts with <c>/</c>, or is empty for the site itself).</summary>
    public string For(HttpRequest request, string path) =>
        (BaseUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}") + path;
}
