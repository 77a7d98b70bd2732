namespace BinhDanHocVuSo.Web.Data.EntityConfigurations;

sealed class AssistedPersonConfiguration : IEntityTypeConfiguration<AssistedPersonRow>
{
    public const int PhoneLength = 16;

    public void Configure(EntityTypeBuilder<AssistedPersonRow> person)
    {
        person.ToTable("AssistedPeople");
        person.HasKey(p => p.UserId);
        person.Property(p => p.Commune).HasMaxLength(Limits.Commune);
        person.Property(p => p.VillageId).HasMaxLength(VillageConfiguration.IdLength);
        person.Property(p => p.Kind).HasMaxLength(16);
        person.Property(p => p.Phone).HasMaxLength(PhoneLength);
        person.Property(p => p.HouseholdPhone).HasMaxLength(PhoneLength);
        person.Property(p => p.FullName).HasMaxLength(Limits.Title);
        person.HasIndex(p => p.TeamId);
        person.HasIndex(p => p.Phone);
        person.HasIndex(p => p.Commune);
        person.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        person.HasOne<TeamRow>().WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class AssistedMarkConfiguration : IEntityTypeConfiguration<AssistedMarkRow>
{
    public void Configure(EntityTypeBuilder<AssistedMarkRow> mark)
    {
        mark.ToTable("AssistedMarks");
        mark.HasKey(m => m.Id);
        mark.Property(m => m.Kind).HasMaxLength(16);
        mark.Property(m => m.CourseSlug).HasMaxLength(Limits.Slug);
        mark.Property(m => m.ItemSlug).HasMaxLength(Limits.Slug);
        mark.HasIndex(m => m.LearnerId);
        mark.HasIndex(m => m.TeamId);
    }
}

sealed class VisitConfiguration : IEntityTypeConfiguration<VisitRow>
{
    public const int NoteLength = 500;

    public void Configure(EntityTypeBuilder<VisitRow> visit)
    {
        visit.ToTable("Visits");
        visit.HasKey(v => v.Id);
        visit.Property(v => v.VillageId).HasMaxLength(VillageConfiguration.IdLength);
        visit.Property(v => v.Commune).HasMaxLength(Limits.Commune);
        visit.Property(v => v.Note).HasMaxLength(NoteLength);
        visit.HasIndex(v => v.TeamId);
        visit.HasIndex(v => v.Commune);
        visit.HasOne<TeamRow>().WithMany().HasForeignKey(v => v.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class VisitPersonConfiguration : IEntityTypeConfiguration<VisitPersonRow>
{
    public void Configure(EntityTypeBuilder<VisitPersonRow> row)
    {
        row.ToTable("VisitPeople");
        row.HasKey(v => new { v.VisitId, v.PersonId });
        row.HasIndex(v => v.PersonId);
        row.HasOne<VisitRow>().WithMany().HasForeignKey(v => v.VisitId).OnDelete(DeleteBehavior.Cascade);
        row.HasOne<AssistedPersonRow>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class PosterConfiguration : IEntityTypeConfiguration<PosterRow>
{
    public const int CodeLength = 16;
    public const int PlaceLength = 120;

    public void Configure(EntityTypeBuilder<PosterRow> poster)
    {
        poster.ToTable("Posters");
        poster.HasKey(p => p.Code);
        poster.Property(p => p.Code).HasMaxLength(CodeLength);
        poster.Property(p => p.Commune).HasMaxLength(Limits.Commune);
        poster.Property(p => p.CourseSlug).HasMaxLength(Limits.Slug);
        poster.Property(p => p.LessonSlug).HasMaxLength(Limits.Slug);
        poster.Property(p => p.Place).HasMaxLength(PlaceLength);
        poster.HasIndex(p => p.Commune);
    }
}

sealed class PosterScanConfiguration : IEntityTypeConfiguration<PosterScanRow>
{
    public void Configure(EntityTypeBuilder<PosterScanRow> scan)
    {
        scan.ToTable("PosterScans");
        scan.HasKey(s => s.Id);
        scan.Property(s => s.PosterCode).HasMaxLength(PosterConfiguration.CodeLength);
        scan.HasIndex(s => new { s.PosterCode, s.At });
        scan.HasOne<PosterRow>().WithMany().HasForeignKey(s => s.PosterCode).OnDelete(DeleteBehavior.Cascade);
    }
}
