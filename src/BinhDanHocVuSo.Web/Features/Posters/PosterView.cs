namespace BinhDanHocVuSo.Web.Features.Posters;

/// <summary>One printable poster: what it is about and the short address its QR code opens.</summary>
public sealed record PosterView(string Title, string Subtitle, string Url)
{
    /// <summary>
    /// The absolute short address as this request reached the site (scheme, host, base path), so a poster
    /// printed from the commune's own server points to that server.
    /// </summary>
    public static string Absolute(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
}
