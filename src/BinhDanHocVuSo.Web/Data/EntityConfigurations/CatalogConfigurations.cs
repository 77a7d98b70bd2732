namespace BinhDanHocVuSo.Web.Data.EntityConfigurations;

sealed class CatalogCourseConfiguration : IEntityTypeConfiguration<CatalogCourse>
{
    public void Configure(EntityTypeBuilder<CatalogCourse> course)
    {
        course.ToTable("Courses");
        course.HasKey(c => c.Slug);
        course.Property(c => c.Slug).HasMaxLength(Limits.Slug);
        course.Property(c => c.Title).HasMaxLength(Limits.Title);
        course.Property(c => c.Version).HasMaxLength(Limits.Version);
        course.Property(c => c.Competences).HasMaxLength(Limits.Title);
    }
}

sealed class CatalogLessonConfiguration : IEntityTypeConfiguration<CatalogLesson>
{
    public void Configure(EntityTypeBuilder<CatalogLesson> lesson)
    {
        lesson.ToTable("Lessons");
        lesson.HasKey(l => new { l.CourseSlug, l.Slug });
        lesson.Property(l => l.CourseSlug).HasMaxLength(Limits.Slug);
        lesson.Property(l => l.Slug).HasMaxLength(Limits.Slug);
        lesson.Property(l => l.Title).HasMaxLength(Limits.Title);
        lesson.Property(l => l.Version).HasMaxLength(Limits.Version);
    }
}
