namespace BinhDanHocVuSo.Web.Features.Posters;

/// <summary>
/// The placed posters' strings: keys <c>Posters.*</c> in <c>Resources/SharedResource.resx</c> (one block), read through
/// <see cref="IStringLocalizer{SharedResource}"/> like the field pages' <c>T.Field(...)</c>.
/// </summary>
public static class PosterText
{
    public static LocalizedString Posters(this IStringLocalizer<SharedResource> text, string key, params object[] arguments) =>
        text["Posters." + key, arguments];
}
