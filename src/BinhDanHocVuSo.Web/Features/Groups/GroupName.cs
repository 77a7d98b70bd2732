namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>
/// A group name as stored, the same on both databases: trimmed, in Unicode NFC (so that a name typed with combining
/// accents and the same name typed precomposed are one name), without control characters, at most <see cref="Limits.Title"/>.
/// </summary>
public static class GroupName
{
    public enum Problem { None, Missing, ControlCharacter, TooLong }

    public static Problem Clean(string? input, out string name)
    {
        name = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            return Problem.Missing;
        }
        string normalized;
        try
        {
            normalized = input.Trim().Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalised (nor stored as UTF-8).
            return Problem.ControlCharacter;
        }
        if (normalized.Any(char.IsControl))
        {
            return Problem.ControlCharacter;
        }
        if (normalized.Length > Limits.Title)
        {
            return Problem.TooLong;
        }
        name = normalized;
        return Problem.None;
    }
}
