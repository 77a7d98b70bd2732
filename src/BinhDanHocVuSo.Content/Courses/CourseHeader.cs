using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.FrontMatter;

namespace BinhDanHocVuSo.Content.Courses;

/// <summary>The front matter of course.md, checked.</summary>
internal sealed record CourseHeader(
    string Slug,
    string Title,
    string Summary,
    string Audience,
    IReadOnlyList<string> Competences,
    int EntryLevel,
    int ExitLevel,
    int Minutes,
    int Order,
    int PassMark)
{
    private const int MaxLevel = 6;

    public static CourseHeader? Read(FrontMatterFields fields, CompetenceModel model, ErrorList errors, IReadOnlyCollection<string> known)
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
            : new CourseHeader(slug!, title!, summary!, audience!, competences, entry!.Value, exit!.Value, minutes!.Value, order!.Value, passMark);
    }
}
