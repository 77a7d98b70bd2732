namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// The field pages' strings: keys <c>Field.*</c> in <c>Resources/SharedResource.resx</c> (one block), read through
/// <see cref="IStringLocalizer{SharedResource}"/>.
/// </summary>
public static class FieldText
{
    public static LocalizedString Field(this IStringLocalizer<SharedResource> text, string key, params object[] arguments) =>
        text["Field." + key, arguments];
}
