using System.Text;

namespace BinhDanHocVuSo.Content;

/// <summary>Reads content files strictly, so that encoding mistakes surface as errors instead of garbled letters.</summary>
internal static class ContentText
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(byte[] bytes, out string text)
    {
        try
        {
            var span = bytes.AsSpan();
            if (span.StartsWith(Encoding.UTF8.Preamble))
            {
                span = span[Encoding.UTF8.Preamble.Length..];
            }

            text = _strictUtf8.GetString(span);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>Splits on \n, \r\n or \r, keeping one entry per line of the file.</summary>
    public static string[] SplitLines(string text) => text.ReplaceLineEndings("\n").Split('\n');

    /// <summary>Returns the 1-based line of the first line that is not in NFC form, and how many such lines there are.</summary>
    public static (int FirstLine, int Count) FindNonNfcLines(string[] lines)
    {
        var first = 0;
        var count = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].IsNormalized(NormalizationForm.FormC))
            {
                count++;
                if (first == 0)
                {
                    first = i + 1;
                }
            }
        }

        return (first, count);
    }
}
