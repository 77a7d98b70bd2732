using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.FrontMatter;

namespace BinhDanHocVuSo.Content.Courses;

/// <summary>The front matter of course.md, checked.</summary>
/// <param name="Slug">Stable slug, unique in the catalogue: <c>/c/{slug}</c>.</param>
/// <param name="Title">Title shown in the catalogue.</param>
/// <param name="Summary">One or two sentences for the catalogue.</param>
/// <param name="Audience">Who the course is for.</param>
/// <param name="Competences">Ids of the competences the course builds (e.g. "4.2"), in front matter order; all exist in the competence model.</param>
/// <param name="EntryLevel">Level needed before the course (0–6).</param>
/// <param name="ExitLevel">Level the course brings learners to (0–6).</param>
/// <param name="Minutes">Estimated total minutes.</param>
/// <param name="Order">Position in the catalogue.</param>
/// <param name="PassMark">Percent needed in the final quiz (default 80).</param>
/// <param name="For">Who the catalogue lists the course for: citizens (default) or commune officials.</param>
/// <param name="Sources">Where each fact that can change comes from; at least one.</param>
public sealed record CourseHeader(
    string Slug,
    string Title,
    string Summary,
    string Audience,
    IReadOnlyList<string> Competences,
    int EntryLevel,
    int ExitLevel,
    int Minutes,
    int Order,
    int PassMark,
    CourseReaders For,
    IReadOnlyList<CourseSource> Sources)
{
    private static readonly string[] _readers = ["citizens", "officials"];

    private const int MaxLevel = 6;

    internal static CourseHeader? Read(FrontMatterFields fields, CompetenceModel model, ErrorList errors, IReadOnlyCollection<string> known)
    {
        var before = errors.Count;
        var slug = fields.RequiredSlug("slug", "an-toan-tren-mang");
        var title = fields.RequiredString("title", "An toàn trên không gian mạng");
        var summary = fields.RequiredString("summary", "Nhận biết lừa đảo qua điện thoại, tin nhắn, Zalo.");
        var audience = fields.RequiredString("audience", "Người dân mới dùng điện thoại thông minh");
        var competenceIds = fields.StringList("competences", required: true, "[\"4.1\", \"4.2\"]");
        var entry = fields.RequiredInt("entry_level", 0, MaxLevel, "0");
        var exit = fields.RequiredInt("exit_level", 0, MaxLevel, "3");
        var minutes = fields.RequiredInt("minutes", 1, 10_000, "35");
        var order = fields.RequiredInt("order", 0, 10_000, "3");
        var passMark = fields.OptionalInt("pass_mark", 1, 100, "80") ?? Course.DefaultPassMark;
        var readers = fields.OptionalChoice("for", _readers, "citizens");
        var sources = CourseSource.ReadAll(fields, errors);
        fields.RejectUnknown(known);

        var competences = new List<string>();
        foreach (var id in competenceIds ?? [])
        {
            if (model.Contains(id))
            {
                competences.Add(id);
            }
            else
            {
                var ids = string.Join(", ", model.Competences.Select(c => c.Id));
                errors.Add(fields.LineOf("competences"), $"unknown competence id '{id}': use ids of the competency model ({ids}), quoted like \"4.1\"");
            }
        }

        if (entry > exit)
        {
            errors.Add(fields.LineOf("exit_level"), $"exit_level ({exit}) is lower than entry_level ({entry}): a course brings learners up, so exit_level must be at least entry_level");
        }

        return errors.Count > before
            ? null
            : new CourseHeader(slug!, title!, summary!, audience!, competences, entry!.Value, exit!.Value, minutes!.Value, order!.Value, passMark,
                readers == "officials" ? CourseReaders.Officials : CourseReaders.Citizens, sources!);
    }
}

/// <summary>The section of the catalogue a course is listed in (front matter <c>for:</c>).</summary>
public enum CourseReaders
{
    /// <summary>Citizens learning on their own phones.</summary>
    Citizens,

    /// <summary>Commune officials and community digital-technology team members.</summary>
    Officials,
}
