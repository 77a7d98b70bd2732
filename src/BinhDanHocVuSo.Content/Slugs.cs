using System.Text.RegularExpressions;

namespace BinhDanHocVuSo.Content;

/// <summary>The one spelling rule for slugs and question ids: they appear in URLs and on printed QR posters.</summary>
internal static partial class Slugs
{
    public static bool IsValid(string value) => SlugPattern().IsMatch(value);

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
