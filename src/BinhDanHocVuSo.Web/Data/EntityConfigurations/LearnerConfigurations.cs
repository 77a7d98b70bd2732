namespace BinhDanHocVuSo.Web.Data.EntityConfigurations;

sealed class LearnerConfiguration : IEntityTypeConfiguration<LearnerRow>
{
    public void Configure(EntityTypeBuilder<LearnerRow> learner)
    {
        learner.ToTable("Learners");
        learner.HasKey(l => l.Id);
        learner.Property(l => l.Version).IsConcurrencyToken();
    }
}

sealed class CourseEnrolmentConfiguration : IEntityTypeConfiguration<CourseEnrolmentRow>
{
    public void Configure(EntityTypeBuilder<CourseEnrolmentRow> enrolment)
    {
        enrolment.ToTable("CourseEnrolments");
        enrolment.HasKey(e => new { e.LearnerId, e.CourseSlug });
        enrolment.Property(e => e.CourseSlug).HasMaxLength(Limits.Slug);
        enrolment.Property(e => e.LastLessonSlug).HasMaxLength(Limits.Slug);
        enrolment.HasIndex(e => e.CourseSlug);
    }
}

sealed class LessonCompletionConfiguration : IEntityTypeConfiguration<LessonCompletionRow>
{
    public void Configure(EntityTypeBuilder<LessonCompletionRow> completion)
    {
        completion.ToTable("LessonCompletions");
        completion.HasKey(c => new { c.LearnerId, c.CourseSlug, c.LessonSlug });
        completion.Property(c => c.CourseSlug).HasMaxLength(Limits.Slug);
        completion.Property(c => c.LessonSlug).HasMaxLength(Limits.Slug);
        completion.Property(c => c.LessonVersion).HasMaxLength(Limits.Version);
    }
}

sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttemptRow>
{
    public void Configure(EntityTypeBuilder<QuizAttemptRow> attempt)
    {
        attempt.ToTable("QuizAttempts");
        attempt.HasKey(a => new { a.LearnerId, a.AttemptId });
        attempt.Property(a => a.CourseSlug).HasMaxLength(Limits.Slug);
        attempt.Property(a => a.QuizId).HasMaxLength(Limits.Slug);
        attempt.Property(a => a.QuizVersion).HasMaxLength(Limits.Version);
        attempt.HasIndex(a => new { a.CourseSlug, a.QuizId });
    }
}

sealed class QuizAnswerConfiguration : IEntityTypeConfiguration<QuizAnswerRow>
{
    public void Configure(EntityTypeBuilder<QuizAnswerRow> answer)
    {
        answer.ToTable("QuizAnswers");
        answer.HasKey(a => new { a.LearnerId, a.AttemptId, a.QuestionId });
        answer.Property(a => a.QuestionId).HasMaxLength(Limits.Slug);
        answer.Property(a => a.Answer).HasMaxLength(Limits.Answer);
        answer.Property(a => a.RightAnswer).HasMaxLength(Limits.Answer);
    }
}

sealed class ServerSecretConfiguration : IEntityTypeConfiguration<ServerSecretRow>
{
    public void Configure(EntityTypeBuilder<ServerSecretRow> secret)
    {
        secret.ToTable("ServerSecrets");
        secret.HasKey(s => s.Name);
        secret.Property(s => s.Name).HasMaxLength(Limits.Slug);
        secret.Property(s => s.Value).HasMaxLength(1000);
    }
}

sealed class LearnerDayConfiguration : IEntityTypeConfiguration<LearnerDayRow>
{
    public void Configure(EntityTypeBuilder<LearnerDayRow> day)
    {
        day.ToTable("LearnerDays");
        day.HasKey(d => new { d.LearnerId, d.Day });
    }
}

sealed class CertificateConfiguration : IEntityTypeConfiguration<CertificateRow>
{
    public void Configure(EntityTypeBuilder<CertificateRow> certificate)
    {
        certificate.ToTable("Certificates");
        certificate.HasKey(c => c.Id);
        certificate.HasIndex(c => new { c.LearnerId, c.CourseSlug }).IsUnique();
        certificate.Property(c => c.CourseSlug).HasMaxLength(Limits.Slug);
        certificate.Property(c => c.FullName).HasMaxLength(Limits.Title);
    }
}

sealed class PracticeRunConfiguration : IEntityTypeConfiguration<PracticeRunRow>
{
    public void Configure(EntityTypeBuilder<PracticeRunRow> run)
    {
        run.ToTable("PracticeRuns");
        run.HasKey(r => new { r.LearnerId, r.RunId });
        run.Property(r => r.CourseSlug).HasMaxLength(Limits.Slug);
        run.Property(r => r.PracticeId).HasMaxLength(Limits.Slug);
        run.Property(r => r.PracticeVersion).HasMaxLength(Limits.Version);
        run.Property(r => r.Misses).HasMaxLength(Limits.Answer);
        run.HasIndex(r => new { r.CourseSlug, r.PracticeId });
    }
}
