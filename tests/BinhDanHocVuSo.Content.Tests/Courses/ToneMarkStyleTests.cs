using System.Text;
using System.Text.RegularExpressions;

namespace BinhDanHocVuSo.Content.Tests.Courses;

/// <summary>
/// One tone-mark style in everything a citizen or an official reads: the "new" placement, with the mark on the second
/// vowel of a syllable ending in oa, oe or uy (hoá, khoá, khoẻ, tuỳ, huỷ, thuỷ, xoá), never on the first (hóa, khóa,
/// khỏe, tùy, hủy, thủy, xóa). "Ủy ban nhân dân" is the one exception: legal texts write it so.
/// The titles of sources in a course's front matter are quoted as their publishers wrote them and are not checked.
/// </summary>
public partial class ToneMarkStyleTests
{
    [Fact]
    public void Courses_and_the_survey_use_the_new_tone_mark_placement()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Courses, "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "assessments"), "*.yaml"))
            .Append(Path.Combine(RepositoryPaths.Root, "assessments", "README.md"));

        var findings = files.SelectMany(OldPlacements).ToList();

        findings.Should().BeEmpty("every syllable ending in oa, oe or uy carries its mark on the second vowel (hoá, not hóa)");
    }

    [Theory]
    [InlineData("Mã hóa dữ liệu", "hóa")]
    [InlineData("Bấm Hủy để thoát", "Hủy")]
    [InlineData("tùy loại máy", "tùy")]
    [InlineData("sức khỏe", "khỏe")]
    [InlineData("Uỷ ban nhân dân xã", "Uỷ")]
    public void The_check_finds_an_old_placement(string line, string word) =>
        OldPlacementsIn(line).Should().Equal(word);

    [Theory]
    [InlineData("Mã hoá dữ liệu, bấm Huỷ, tuỳ loại máy, sức khoẻ, thuỷ lợi")]
    [InlineData("Ủy ban nhân dân xã")]
    [InlineData("hoàn thành, ngoài giờ, khoảng 10 phút, quý khách, thuyền")]
    public void The_check_accepts_the_new_placement_and_closed_syllables(string line) =>
        OldPlacementsIn(line).Should().BeEmpty();

    static IEnumerable<string> OldPlacements(string path)
    {
        var relative = Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var inFrontMatter = relative.EndsWith(".md", StringComparison.Ordinal) && lines.Length > 0 && lines[0] == "---";
        var inSources = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (inFrontMatter)
            {
                if (i > 0 && line == "---")
                {
                    inFrontMatter = false;
                    inSources = false;
                    continue;
                }
                if (line.StartsWith("sources:", StringComparison.Ordinal))
                {
                    inSources = true;
                    continue;
                }
                if (inSources && (line.StartsWith(' ') || line.StartsWith('-') || line.Length == 0))
                {
                    continue;
                }
                inSources = false;
            }
            foreach (var word in OldPlacementsIn(line))
            {
                yield return $"{relative}:{i + 1}: {word}";
            }
        }
    }

    static IEnumerable<string> OldPlacementsIn(string line)
    {
        var normalized = line.Normalize(NormalizationForm.FormC);
        foreach (Match match in Word().Matches(normalized))
        {
            var word = match.Value;
            if (word is "Ủy" or "ủy" && normalized[(match.Index + word.Length)..].StartsWith(" ban", StringComparison.Ordinal))
            {
                continue;
            }
            if (OldEnding().IsMatch(word) || (word is "Uỷ" or "uỷ" && normalized[(match.Index + word.Length)..].StartsWith(" ban", StringComparison.Ordinal)))
            {
                yield return word;
            }
        }
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    // A syllable ending in o + a/e or u + y whose tone mark (sắc, huyền, hỏi, ngã, nặng) sits on the first vowel.
    [GeneratedRegex("(?:[óòỏõọÓÒỎÕỌ][aeAE]|[úùủũụÚÙỦŨỤ][yY])$")]
    private static partial Regex OldEnding();
}
