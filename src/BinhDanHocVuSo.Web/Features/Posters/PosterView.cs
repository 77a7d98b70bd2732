namespace BinhDanHocVuSo.Web.Features.Posters;

/// <summary>
/// One printable poster: what it is about and the short address its QR code opens (see <see cref="Hosting.PublicAddress"/>);
/// for a poster placed in a commune, where it hangs, printed in small type.
/// </summary>
public sealed record PosterView(string Title, string Subtitle, string Url, string? Place = null);
