using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace BinhDanHocVuSo.Content.Courses.Lint;

/// <summary>The text a learner reads in rendered quiz HTML: what the length and repetition rules compare.</summary>
internal static partial class QuizText
{
    /// <summary>The text of an HTML fragment, without tags, entities decoded, spaces collapsed.</summary>
    public static string Plain(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, "")), " ").Trim().Normalize(NormalizationForm.FormC);

    /// <summary>
    /// The text reduced to lowercase letters and digits separated by single spaces, so that two prompts that differ
    /// only in case, spacing or punctuation compare equal.
    /// </summary>
    public static string Comparable(string html)
    {
        var text = Plain(html).ToLowerInvariant();
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return Spaces().Replace(builder.ToString(), " ").Trim();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
