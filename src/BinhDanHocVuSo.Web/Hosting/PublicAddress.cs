namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// The address people type or scan to reach the platform, for what leaves the screen (poster QR codes, printed login
/// cards). <c>Site:PublicBaseUrl</c> when set, so that a forged <c>Host</c> header never ends up on paper; otherwise
/// the address the request came in on (fine on a developer's machine; a warning at start in Production).
/// </summary>
public sealed class PublicAddress
{
    public const string Key = "Site:PublicBaseUrl";

    PublicAddress(string? baseUrl) => BaseUrl = baseUrl;

    /// <summary>The configured base, without a trailing slash, or null when the request's own address is used.</summary>
    public string? BaseUrl { get; }

    public static PublicAddress Read(IConfiguration configuration)
    {
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new PublicAddress(null);
        }
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            throw new StartupException($"{Key} is '{value}'; set it to the platform's public address, e.g. https://hoc.caobang.gov.vn");
        }
        return new PublicAddress(url.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }

    /// <summary>The absolute address of <paramref name="path"/> (which starts with <c>/</c>, or is empty for the site itself).</summary>
    public string For(HttpRequest request, string path) =>
        (BaseUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}") + path;
}
