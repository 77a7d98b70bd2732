using BinhDanHocVuSo.Web.Features.Learning;
using Orleans.Configuration;

namespace BinhDanHocVuSo.Web.Hosting;

public static class SiloExtensions
{
    /// <summary>
    /// Co-hosts the Orleans silo. With SQLite it is a single localhost silo; with PostgreSQL the silos of a
    /// province share Orleans' own ADO.NET membership tables and form one cluster
    /// (see <c>Hosting/Clustering/README.md</c>).
    /// </summary>
    public static WebApplicationBuilder AddSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        var database = DatabaseSettings.Read(builder.Configuration, builder.Environment.ContentRootPath);
        var clustering = string.IsNullOrWhiteSpace(options.Clustering)
            ? (database.Provider == DatabaseProvider.Postgres ? "AdoNet" : "Localhost")
            : options.Clustering;

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = options.ClusterId;
                cluster.ServiceId = options.ServiceId;
            });
            // Orleans' failure-detection timings, only where configured; its defaults otherwise.
            silo.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection(SiloOptions.MembershipSection));
            switch (clustering.ToLowerInvariant())
            {
                case "localhost":
                    silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
                    break;
                case "adonet" when database.Provider == DatabaseProvider.Postgres:
                    silo.UseAdoNetClustering(adoNet =>
                    {
                        adoNet.Invariant = "Npgsql";
                        adoNet.ConnectionString = database.ConnectionString;
                    });
                    silo.ConfigureEndpoints(options.AdvertisedAddress(), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
                    break;
                default:
                    throw new StartupException($"Orleans:Clustering is '{clustering}'; use 'Localhost', or 'AdoNet' together with Database:Provider 'Postgres'.");
            }
        });
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: [HealthExtensions.ReadyTag]);
        if (options.Diagnostics)
        {
            builder.Services.AddSingleton<IStartupFilter, DiagnosticsEndpoints>();
        }
        return builder;
    }

    /// <summary>
    /// Read-only endpoints for tests and benchmarks, only with <c>Orleans:Diagnostics=true</c> (never in production):
    /// <list type="bullet">
    /// <item><c>GET /_diagnostics/learner</c>: which silo answered, and which silo hosts the learner grain of the caller's
    /// guest cookie (null when it is not active anywhere); it neither creates a guest nor activates the grain.</item>
    /// <item><c>GET /_diagnostics/memory</c>: this silo's managed heap after a full collection, its working set, and how
    /// many learner grains are active on it: what a benchmark needs to work out the memory of one active learner.</item>
    /// </list>
    /// </summary>
    sealed class DiagnosticsEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/_diagnostics/memory", branch => branch.Run(async http =>
            {
                var services = http.RequestServices;
                var here = services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
                var statistics = await services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics([here]);
                var learners = statistics.Where(s => s.GrainType.Contains(nameof(LearnerGrain), StringComparison.Ordinal)).Sum(s => s.ActivationCount);
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                await http.Response.WriteAsJsonAsync(new
                {
                    silo = here.ToString(),
                    managedBytes = GC.GetTotalMemory(forceFullCollection: false),
                    workingSetBytes = Environment.WorkingSet,
                    learnerGrains = learners,
                });
            }));
            app.Map("/_diagnostics/learner", branch => branch.Run(async http =>
            {
                var services = http.RequestServices;
                var here = services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
                var grains = services.GetRequiredService<IGrainFactory>();
                if (services.GetRequiredService<LearnerIdentity>().Find(http) is not { } learner)
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    await http.Response.WriteAsJsonAsync(new { silo = here.ToString(), learner = (Guid?)null, hostedOn = (string?)null });
                    return;
                }
                var hostedOn = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<ILearnerGrain>(learner));
                await http.Response.WriteAsJsonAsync(new { silo = here.ToString(), learner, hostedOn = hostedOn?.ToString() });
            }));
            next(app);
        };
    }
}
