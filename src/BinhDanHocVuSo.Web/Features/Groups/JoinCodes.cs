namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>Short join codes people can type: no 0/O or 1/I to confuse.</summary>
public static class JoinCodes
{
    const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => string.Create(6, 0, (chars, _) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
    });
}
