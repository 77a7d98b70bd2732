namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// Read-only endpoints for tests and benchmarks, only with <c>Orleans:Diagnostics=true</c> (never in production):
/// <list type="bullet">
/// <item><c>GET /_diagnostics/learner</c>: which silo answered, and which silo hosts the learner grain of the caller's
/// guest cookie (null when it is not active anywhere); it neither creates a guest nor activates the grain.</item>
/// <item><c>GET /_diagnostics/memory</c>: this silo's managed heap after a full collection, the memory the GC has committed, its working set, and how
/// many learner grains are active on it: what a benchmark needs to work out the memory of one active learner.</item>
/// </list>
/// </summary>
public static class DiagnosticsExtensions
{
    public static WebApplication MapDiagnostics(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SiloOptions>>().Value.Diagnostics)
        {
            var diagnostics = app.MapGroup("/_diagnostics").ExcludeFromDescription();
            diagnostics.MapGet("/memory", GetMemory);
            diagnostics.MapGet("/learner", GetLearner);
        }
        return app;
    }

    static async Task<IResult> GetMemory(ILocalSiloDetails silo, IGrainFactory grains)
    {
        var here = silo.SiloAddress;
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics([here]);
        var learners = statistics.Where(s => s.GrainType.Contains(nameof(LearnerGrain), StringComparison.Ordinal)).Sum(s => s.ActivationCount);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return TypedResults.Json(new
        {
            silo = here.ToString(),
            managedBytes = GC.GetTotalMemory(forceFullCollection: false),
            workingSetBytes = Environment.WorkingSet,
            // Memory the GC holds from the system (live objects, free space and bookkeeping), beside the live bytes above.
            committedBytes = GC.GetGCMemoryInfo().TotalCommittedBytes,
            learnerGrains = learners,
        });
    }

    static async Task<IResult> GetLearner(HttpContext http, ILocalSiloDetails silo, IGrainFactory grains, LearnerIdentity identity)
    {
        var here = silo.SiloAddress.ToString();
        if (identity.Find(http) is not { } learner)
        {
            return TypedResults.Json(new { silo = here, learner = (Guid?)null, hostedOn = (string?)null }, statusCode: StatusCodes.Status404NotFound);
        }
        var hostedOn = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<ILearnerGrain>(learner));
        return TypedResults.Json(new { silo = here, learner, hostedOn = hostedOn?.ToString() });
    }
}
