namespace BinhDanHocVuSo.Web.Data.EntityConfigurations;

sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(Limits.Title);
        user.Property(u => u.Commune).HasMaxLength(Limits.Commune);
        user.HasIndex(u => u.Commune);
    }
}

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntryRow>
{
    public void Configure(EntityTypeBuilder<AuditEntryRow> entry)
    {
        entry.ToTable("AuditEntries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Action).HasMaxLength(Limits.Slug);
        entry.Property(e => e.Details).HasMaxLength(Limits.Answer);
        entry.HasIndex(e => e.TargetUserId);
    }
}

sealed class ResetCodeConfiguration : IEntityTypeConfiguration<ResetCodeRow>
{
    public void Configure(EntityTypeBuilder<ResetCodeRow> code)
    {
        code.ToTable("ResetCodes");
        code.HasKey(c => c.Id);
        code.Property(c => c.CodeHash).HasMaxLength(Limits.Slug);
        code.HasIndex(c => c.UserId);
    }
}

sealed class GroupConfiguration : IEntityTypeConfiguration<GroupRow>
{
    public void Configure(EntityTypeBuilder<GroupRow> group)
    {
        group.ToTable("Groups");
        group.HasKey(g => g.Id);
        group.Property(g => g.Name).HasMaxLength(Limits.Title);
        group.Property(g => g.Commune).HasMaxLength(Limits.Commune);
        group.Property(g => g.JoinCode).HasMaxLength(Limits.Slug);
        group.HasIndex(g => g.JoinCode).IsUnique();
        group.HasIndex(g => g.Commune);
    }
}

sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMemberRow>
{
    public void Configure(EntityTypeBuilder<GroupMemberRow> member)
    {
        member.ToTable("GroupMembers");
        member.HasKey(m => new { m.GroupId, m.LearnerId });
        member.HasIndex(m => m.LearnerId);
    }
}

sealed class GroupTrainerConfiguration : IEntityTypeConfiguration<GroupTrainerRow>
{
    public void Configure(EntityTypeBuilder<GroupTrainerRow> trainer)
    {
        trainer.ToTable("GroupTrainers");
        trainer.HasKey(t => new { t.GroupId, t.TrainerId });
        trainer.HasIndex(t => t.TrainerId);
    }
}

sealed class AssignmentConfiguration : IEntityTypeConfiguration<AssignmentRow>
{
    public void Configure(EntityTypeBuilder<AssignmentRow> assignment)
    {
        assignment.ToTable("Assignments");
        assignment.HasKey(a => new { a.GroupId, a.CourseSlug });
        assignment.Property(a => a.CourseSlug).HasMaxLength(Limits.Slug);
    }
}
