namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>
/// Writes the shipped catalogue (titles, order, versions) into the database at start, so that reports are
/// plain SQL joins. Courses that disappeared from disk stay: learners' results still refer to them.
/// </summary>
sealed class CatalogSeeder(ICourseCatalogSource catalog, IDbContextFactory<AppDbContext> contexts, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RunExclusiveAsync(() => SeedAsync(db, cancellationToken), cancellationToken);
    }

    async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var courses = await db.Courses.ToDictionaryAsync(c => c.Slug, cancellationToken);
        var lessons = await db.Lessons.ToDictionaryAsync(l => (l.CourseSlug, l.Slug), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var course in catalog.Current.Courses)
        {
            if (!courses.TryGetValue(course.Slug, out var row))
            {
                row = new CatalogCourse { Slug = course.Slug, Title = course.Title, Version = course.Version, Competences = "" };
                db.Courses.Add(row);
            }
            row.Title = course.Title;
            row.Version = course.Version;
            row.Order = course.Order;
            row.Minutes = course.Minutes;
            row.Competences = string.Join(',', course.Competences);
            row.PassMark = course.PassMark;
            row.SeededAt = now;
            foreach (var lesson in course.Lessons)
            {
                if (!lessons.TryGetValue((course.Slug, lesson.Slug), out var lessonRow))
                {
                    lessonRow = new CatalogLesson { CourseSlug = course.Slug, Slug = lesson.Slug, Title = lesson.Title, Version = lesson.Version };
                    db.Lessons.Add(lessonRow);
                }
                lessonRow.Title = lesson.Title;
                lessonRow.Version = lesson.Version;
                lessonRow.Order = lesson.Order;
                lessonRow.Minutes = lesson.Minutes;
                lessonRow.QuestionCount = lesson.Quiz?.Questions.Count ?? 0;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
