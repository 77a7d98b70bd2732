namespace BinhDanHocVuSo.Web.Data;

/// <summary>
/// The one row that the readiness check rewrites: a real small write, so that a full disk, a read-only or a corrupted
/// database makes <c>/health/ready</c> fail instead of only a learner's next answer.
/// </summary>
public sealed class HealthProbeRow
{
    public int Id { get; set; }
    public DateTime WrittenAt { get; set; }
}

sealed class HealthProbeConfiguration : IEntityTypeConfiguration<HealthProbeRow>
{
    public const int RowId = 1;

    public void Configure(EntityTypeBuilder<HealthProbeRow> probe)
    {
        probe.ToTable("HealthProbes");
        probe.Property(p => p.Id).ValueGeneratedNever();
        probe.HasData(new HealthProbeRow { Id = RowId, WrittenAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) });
    }
}
