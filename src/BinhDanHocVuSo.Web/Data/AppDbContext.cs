using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace BinhDanHocVuSo.Web.Data;

/// <summary>
/// The one EF Core model of the platform. Each provider has a subclass only so that it can keep
/// its own generated migrations (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>).
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<CatalogCourse> Courses => Set<CatalogCourse>();
    public DbSet<CatalogLesson> Lessons => Set<CatalogLesson>();
    public DbSet<LearnerRow> Learners => Set<LearnerRow>();
    public DbSet<CourseEnrolmentRow> CourseEnrolments => Set<CourseEnrolmentRow>();
    public DbSet<LessonCompletionRow> LessonCompletions => Set<LessonCompletionRow>();
    public DbSet<QuizAttemptRow> QuizAttempts => Set<QuizAttemptRow>();
    public DbSet<QuizAnswerRow> QuizAnswers => Set<QuizAnswerRow>();
    public DbSet<LearnerDayRow> LearnerDays => Set<LearnerDayRow>();
    public DbSet<PracticeRunRow> PracticeRuns => Set<PracticeRunRow>();
    public DbSet<CertificateRow> Certificates => Set<CertificateRow>();
    public DbSet<AuditEntryRow> AuditEntries => Set<AuditEntryRow>();
    public DbSet<ResetCodeRow> ResetCodes => Set<ResetCodeRow>();
    public DbSet<GroupRow> Groups => Set<GroupRow>();
    public DbSet<GroupMemberRow> GroupMembers => Set<GroupMemberRow>();
    public DbSet<GroupTrainerRow> GroupTrainers => Set<GroupTrainerRow>();
    public DbSet<AssignmentRow> Assignments => Set<AssignmentRow>();
    public DbSet<SurveyResponseRow> SurveyResponses => Set<SurveyResponseRow>();
    public DbSet<SurveyAnswerRow> SurveyAnswers => Set<SurveyAnswerRow>();
    public DbSet<TrainerCommuneRow> TrainerCommunes => Set<TrainerCommuneRow>();
    public DbSet<GroupInvitationRow> GroupInvitations => Set<GroupInvitationRow>();
    public DbSet<ServerSecretRow> ServerSecrets => Set<ServerSecretRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
