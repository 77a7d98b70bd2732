namespace BinhDanHocVuSo.Web.Features.Posters;

/// <summary>One printable poster: what it is about and the short address its QR code opens (see <see cref="Hosting.PublicAddress"/>).</summary>
public sealed record PosterView(string Title, string Subtitle, string Url)
{
    /// <summary>
    /// The absolute address as this request reached the site (scheme, host, base path). Prefer
    /// <see cref="Hosting.PublicAddress"/>, which uses <c>Site:PublicBaseUrl</c> when it is set.
    /// </summary>
    public static string Absolute(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
}
