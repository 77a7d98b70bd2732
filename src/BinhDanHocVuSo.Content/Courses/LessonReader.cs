using BinhDanHocVuSo.Content.Markdown;

namespace BinhDanHocVuSo.Content.Courses;

/// <summary>Reads one lesson file. Returns null when it has errors (they are in the error list).</summary>
internal static class LessonReader
{
    public static readonly string[] Fields = ["slug", "title", "minutes", "order", "aliases"];

    public static (Lesson? Lesson, int SlugLine, int AliasesLine) Read(string path, string courseSlug, ErrorList errors)
    {
        var before = errors.Count;
        if (MarkdownFileReader.ReadFrontMatter(path, errors) is not var (file, fields, body))
        {
            return (null, 0, 0);
        }

        var slug = fields?.RequiredSlug("slug", "khong-chia-se-otp");
        var title = fields?.RequiredString("title", "Không bao giờ chia sẻ mã OTP");
        var minutes = fields?.RequiredInt("minutes", 1, 120, "5");
        var order = fields?.RequiredInt("order", 0, 10_000, "2");
        var aliases = fields?.StringList("aliases", required: false, "[ma-otp]");
        foreach (var alias in aliases ?? [])
        {
            if (!Slugs.IsValid(alias))
            {
                errors.Add(fields!.LineOf("aliases"), $"alias '{alias}' is not a valid slug: use only lowercase a–z, 0–9 and \"-\"");
            }
        }

        fields?.RejectUnknown(Fields);
        var quizId = slug ?? Path.GetFileNameWithoutExtension(path);
        var rendered = MarkdownFileReader.RenderBody(body, new MarkdownRenderContext(courseSlug, Path.GetDirectoryName(path), quizId), errors);
        if (errors.Count > before || slug is null || title is null || minutes is null || order is null || aliases is null)
        {
            return (null, fields?.LineOf("slug") ?? 0, fields?.LineOf("aliases") ?? 0);
        }

        var lesson = new Lesson(slug, title, minutes.Value, order.Value, aliases, rendered.Html, rendered.Quiz, path, file.Version)
        {
            Practices = rendered.Practices,
            Drills = rendered.Drills,
        };
        return (lesson, fields!.LineOf("slug"), fields.LineOf("aliases"));
    }
}
