namespace BinhDanHocVuSo.Content;

/// <summary>A content file read as lines, after the checks every file gets (UTF-8, Unicode NFC).</summary>
internal sealed record ContentFile(string[] Lines, string Version)
{
    private const string NfcAdvice =
        "save the file as Unicode NFC (precomposed letters: in VS Code run \"Unicode: Normalize to NFC\" or retype the accented letters with a Unicode keyboard such as Unikey in Unicode mode)";

    public static ContentFile? Read(string path, ErrorList errors)
    {
        var bytes = File.ReadAllBytes(path);
        if (!ContentText.TryDecode(bytes, out var text))
        {
            errors.Add(0, "the file is not valid UTF-8 text: save it with the UTF-8 encoding");
            return null;
        }

        var lines = ContentText.SplitLines(text);
        var (firstLine, count) = ContentText.FindNonNfcLines(lines);
        if (count > 0)
        {
            var others = count > 1 ? $" (and {count - 1} more lines)" : "";
            errors.Add(firstLine, $"this line{others} has Vietnamese letters stored as separate accent marks, which breaks search and display: {NfcAdvice}");
        }

        return new ContentFile(lines, ContentHash.Of(bytes));
    }
}
