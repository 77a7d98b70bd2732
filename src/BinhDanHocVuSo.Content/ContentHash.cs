using System.Security.Cryptography;
using System.Text;

namespace BinhDanHocVuSo.Content;

/// <summary>Short, stable fingerprints used as versions and as ids that must not reveal anything.</summary>
internal static class ContentHash
{
    public const int ShortLength = 12;

    public static string Of(ReadOnlySpan<byte> bytes, int length = ShortLength) =>
        Convert.ToHexStringLower(SHA256.HashData(bytes))[..length];

    public static string Of(string text, int length = ShortLength) => Of(Encoding.UTF8.GetBytes(text), length);
}
