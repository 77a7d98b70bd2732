namespace BinhDanHocVuSo.Web.Data.EntityConfigurations;

sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponseRow>
{
    public void Configure(EntityTypeBuilder<SurveyResponseRow> response)
    {
        response.ToTable("SurveyResponses");
        response.HasKey(r => r.Id);
        response.Property(r => r.SurveyId).HasMaxLength(Limits.Slug);
        response.Property(r => r.Commune).HasMaxLength(Limits.Commune);
        response.Property(r => r.RoleId).HasMaxLength(Limits.Slug);
        response.Property(r => r.AgeBandId).HasMaxLength(Limits.Slug);
        response.Property(r => r.Version).IsConcurrencyToken();
        response.HasIndex(r => new { r.RespondentId, r.SurveyId, r.SurveyVersion }).IsUnique();
        response.Property(r => r.ScoredWith).HasMaxLength(Limits.Slug);
        // With the submission time in the index, "how many, and the latest" of a report's scope is read from the index alone.
        response.HasIndex(r => new { r.SurveyId, r.SurveyVersion, r.Commune, r.SubmittedAt });
    }
}

sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswerRow>
{
    public void Configure(EntityTypeBuilder<SurveyAnswerRow> answer)
    {
        answer.ToTable("SurveyAnswers");
        answer.HasKey(a => new { a.ResponseId, a.ItemId });
        answer.Property(a => a.ItemId).HasMaxLength(Limits.Slug);
        answer.Property(a => a.OptionId).HasMaxLength(Limits.Slug);
        answer.HasOne<SurveyResponseRow>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}
