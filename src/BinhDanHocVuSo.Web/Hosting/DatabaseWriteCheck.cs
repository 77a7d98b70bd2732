using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// Ready only while the database takes a write: rewrites the time in the one row of <c>HealthProbes</c> (a real
/// write, committed, so a full disk, a read-only file or a corrupted page shows here). The result is kept for a few
/// seconds so that polling <c>/health/ready</c> cannot load the database.
/// </summary>
sealed class DatabaseWriteCheck(IDbContextFactory<AppDbContext> contexts, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(5);

    readonly SemaphoreSlim _one = new(1, 1);
    (DateTimeOffset At, HealthCheckResult Result)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            if (_last is { } last && now - last.At < KeptFor && now >= last.At)
            {
                return last.Result;
            }
            var result = await WriteAsync(now, cancellationToken);
            _last = (clock.GetUtcNow(), result);
            return result;
        }
        finally
        {
            _one.Release();
        }
    }

    async Task<HealthCheckResult> WriteAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var written = await db.Set<HealthProbeRow>()
                .Where(p => p.Id == HealthProbeConfiguration.RowId)
                .ExecuteUpdateAsync(p => p.SetProperty(r => r.WrittenAt, now.UtcDateTime), cancellationToken);
            return written == 1 ? HealthCheckResult.Healthy("database writable") : HealthCheckResult.Unhealthy("the health probe row is missing");
        }
        catch (Exception e) when (RequestFailures.IsStorageFailure(e) || e is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"the database cannot write: {e.GetBaseException().Message}", e);
        }
    }
}
