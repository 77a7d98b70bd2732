namespace BinhDanHocVuSo.Web.Data.EntityConfigurations;

sealed class VillageConfiguration : IEntityTypeConfiguration<VillageRow>
{
    public const int IdLength = Limits.Commune + 1 + Limits.Slug;
    public const int NameLength = 100;

    public void Configure(EntityTypeBuilder<VillageRow> village)
    {
        village.ToTable("Villages");
        village.HasKey(v => v.Id);
        village.Property(v => v.Id).HasMaxLength(IdLength);
        village.Property(v => v.Commune).HasMaxLength(Limits.Commune);
        village.Property(v => v.Name).HasMaxLength(NameLength);
        village.HasIndex(v => v.Commune);
    }
}

sealed class TeamConfiguration : IEntityTypeConfiguration<TeamRow>
{
    public void Configure(EntityTypeBuilder<TeamRow> team)
    {
        team.ToTable("Teams");
        team.HasKey(t => t.Id);
        team.Property(t => t.Commune).HasMaxLength(Limits.Commune);
        team.Property(t => t.Name).HasMaxLength(Limits.Title);
        team.HasIndex(t => t.Commune);
    }
}

sealed class TeamVillageConfiguration : IEntityTypeConfiguration<TeamVillageRow>
{
    public void Configure(EntityTypeBuilder<TeamVillageRow> row)
    {
        row.ToTable("TeamVillages");
        row.HasKey(t => new { t.TeamId, t.VillageId });
        row.Property(t => t.VillageId).HasMaxLength(VillageConfiguration.IdLength);
        row.HasOne<TeamRow>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Cascade);
        row.HasOne<VillageRow>().WithMany().HasForeignKey(t => t.VillageId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMemberRow>
{
    public void Configure(EntityTypeBuilder<TeamMemberRow> row)
    {
        row.ToTable("TeamMembers");
        row.HasKey(t => new { t.TeamId, t.TrainerId });
        row.HasIndex(t => t.TrainerId);
        row.HasOne<TeamRow>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Cascade);
        row.HasOne<AppUser>().WithMany().HasForeignKey(t => t.TrainerId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class LearnerVillageConfiguration : IEntityTypeConfiguration<LearnerVillageRow>
{
    public void Configure(EntityTypeBuilder<LearnerVillageRow> row)
    {
        row.ToTable("LearnerVillages");
        row.HasKey(l => l.UserId);
        row.Property(l => l.VillageId).HasMaxLength(VillageConfiguration.IdLength);
        row.HasIndex(l => l.VillageId);
        // A deleted account leaves no village behind.
        row.HasOne<AppUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        row.HasOne<VillageRow>().WithMany().HasForeignKey(l => l.VillageId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class TargetConfiguration : IEntityTypeConfiguration<TargetRow>
{
    public void Configure(EntityTypeBuilder<TargetRow> target)
    {
        target.ToTable("Targets");
        target.HasKey(t => t.Id);
        target.Property(t => t.Commune).HasMaxLength(Limits.Commune);
        target.Property(t => t.Kind).HasMaxLength(16);
        target.Property(t => t.CourseSlug).HasMaxLength(Limits.Slug);
        target.HasIndex(t => t.Commune);
    }
}

