using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Hosting;

/// <summary>The same EF Core model, migrations and start-up seeding, on each provider.</summary>
public abstract class DatabaseModelSpec(DatabaseProvider provider)
{
    [Fact]
    public async Task Start_up_applies_the_migrations_and_seeds_the_shipped_courses()
    {
        await using var database = await TestDatabase.CreateAsync(provider, empty: true);
        await using var platform = new Platform(database, Platform.ShippedCourses());
        platform.Browser();

        await using var db = platform.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        db.Database.HasPendingModelChanges().Should().BeFalse("a model change needs a migration for each provider");
        var courses = await db.Courses.OrderBy(c => c.Order).ToListAsync();
        courses.Should().NotBeEmpty();
        (await db.Lessons.CountAsync()).Should().BeGreaterThanOrEqualTo(courses.Count);
    }

    [Fact]
    public async Task Every_learner_table_round_trips_its_rows()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var platform = new Platform(database);
        platform.Browser();
        var factory = platform.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var learner = Guid.NewGuid();
        var attempt = Guid.NewGuid();
        var at = new DateTime(2026, 11, 23, 8, 30, 0, DateTimeKind.Utc);

        await using (var db = factory.CreateDbContext())
        {
            db.Learners.Add(new LearnerRow { Id = learner, Version = 1, CreatedAt = at });
            db.CourseEnrolments.Add(new CourseEnrolmentRow { LearnerId = learner, CourseSlug = "khoa-hoc", StartedAt = at, LastLessonSlug = "bai-1" });
            db.LessonCompletions.Add(new LessonCompletionRow { LearnerId = learner, CourseSlug = "khoa-hoc", LessonSlug = "bai-1", LessonVersion = "abc123", CompletedAt = at });
            db.QuizAttempts.Add(new QuizAttemptRow { LearnerId = learner, AttemptId = attempt, CourseSlug = "khoa-hoc", QuizId = "bai-1", QuizVersion = "v1", SubmittedAt = at, Correct = 2, Total = 3, ScorePercent = 67 });
            db.QuizAnswers.Add(new QuizAnswerRow { LearnerId = learner, AttemptId = attempt, QuestionId = "cau-1", Answer = "a|b", RightAnswer = "a", IsCorrect = false });
            db.LearnerDays.Add(new LearnerDayRow { LearnerId = learner, Day = new DateOnly(2026, 11, 23) });
            await db.SaveChangesAsync();
        }

        await using (var db = factory.CreateDbContext())
        {
            (await db.CourseEnrolments.SingleAsync(e => e.LearnerId == learner)).LastLessonSlug.Should().Be("bai-1");
            (await db.LessonCompletions.SingleAsync(e => e.LearnerId == learner)).CompletedAt.Should().Be(at);
            (await db.QuizAttempts.SingleAsync(e => e.LearnerId == learner)).ScorePercent.Should().Be(67);
            (await db.QuizAnswers.SingleAsync(e => e.LearnerId == learner)).Answer.Should().Be("a|b");
            (await db.LearnerDays.SingleAsync(e => e.LearnerId == learner)).Day.Should().Be(new DateOnly(2026, 11, 23));
        }
    }
}

public sealed class DatabaseModelOnSqlite() : DatabaseModelSpec(DatabaseProvider.Sqlite);

public sealed class DatabaseModelOnPostgres() : DatabaseModelSpec(DatabaseProvider.Postgres);
