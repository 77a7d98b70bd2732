namespace BinhDanHocVuSo.Web.Data;

/// <summary>A shipped course as last seeded from <c>courses/</c>, so that reports can join on titles and versions.</summary>
public sealed class CatalogCourse
{
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Version { get; set; }
    public int Order { get; set; }
    public int Minutes { get; set; }
    public required string Competences { get; set; }
    public int PassMark { get; set; }
    public DateTime SeededAt { get; set; }
}

/// <summary>A lesson of a seeded course; <see cref="Version"/> changes whenever its file changes.</summary>
public sealed class CatalogLesson
{
    public required string CourseSlug { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Version { get; set; }
    public int Order { get; set; }
    public int Minutes { get; set; }
    public int QuestionCount { get; set; }
}
