namespace BinhDanHocVuSo.Web.Data.EntityConfigurations;

sealed class TrainerCommuneConfiguration : IEntityTypeConfiguration<TrainerCommuneRow>
{
    public void Configure(EntityTypeBuilder<TrainerCommuneRow> row)
    {
        row.ToTable("TrainerCommunes");
        row.HasKey(t => new { t.TrainerId, t.Commune });
        row.Property(t => t.Commune).HasMaxLength(Limits.Commune);
    }
}

sealed class GroupInvitationConfiguration : IEntityTypeConfiguration<GroupInvitationRow>
{
    public void Configure(EntityTypeBuilder<GroupInvitationRow> invitation)
    {
        invitation.ToTable("GroupInvitations");
        invitation.HasKey(i => new { i.GroupId, i.LearnerId });
        invitation.HasIndex(i => i.LearnerId);
    }
}
