using System.Text.RegularExpressions;

namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>
/// Vietnamese mobile numbers, so that 0912 345 678, 0912.345.678, 84912345678 and +84912345678 are one person.
/// The normal form is the ten-digit national number starting with 0.
/// </summary>
public static partial class PhoneNumber
{
    /// <summary>The normal form, or null when the text is not a Vietnamese mobile number.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var digits = Separators().Replace(text.Trim(), "");
        if (digits.StartsWith('+'))
        {
            digits = digits[1..];
        }
        if (digits.StartsWith("84") && digits.Length == 11)
        {
            digits = "0" + digits[2..];
        }
        return Mobile().IsMatch(digits) ? digits : null;
    }

    /// <summary>Shows the number as people read it: 0912 345 678.</summary>
    public static string Display(string normalized) =>
        normalized.Length == 10 ? $"{normalized[..4]} {normalized[4..7]} {normalized[7..]}" : normalized;

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex Separators();

    // Mobile networks use the 03, 05, 07, 08 and 09 prefixes after the 2018 renumbering. ASCII digits only:
    // \d also matches fullwidth and Arabic-Indic digits, which no user name may hold.
    [GeneratedRegex(@"^0[35789][0-9]{8}$")]
    private static partial Regex Mobile();
}
