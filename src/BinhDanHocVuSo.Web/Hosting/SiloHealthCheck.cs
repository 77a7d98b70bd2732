using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>Ready only once this process's silo has joined the cluster as active.</summary>
sealed class SiloHealthCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy("silo active")
            : HealthCheckResult.Unhealthy($"silo {silo.CurrentStatus}"));
}
