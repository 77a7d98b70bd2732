using Orleans.Configuration;

namespace BinhDanHocVuSo.Web.Hosting;

public static class SiloExtensions
{
    const int DirectoryCacheSize = 100_000;

    /// <summary>
    /// Co-hosts the Orleans silo. With SQLite it is a single localhost silo; with PostgreSQL the silos of a
    /// province share Orleans' own ADO.NET membership tables and form one cluster
    /// (see <c>Hosting/Clustering/README.md</c>).
    /// </summary>
    public static WebApplicationBuilder AddSilo(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<SiloOptions, SiloOptionsValidator>(SiloOptions.Section);
        var options = builder.StartupOptions(SiloOptions.Section, new SiloOptionsValidator());
        var database = builder.ReadDatabaseSettings();
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
            // Orleans sizes its cache of where remote grains live for a million entries and allocates its table up front
            // (about 9 MiB, even on an idle single silo). A hundred thousand is the province's learners a silo talks to.
            silo.Configure<GrainDirectoryOptions>(directory => directory.CacheSize = DirectoryCacheSize);
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
        return builder;
    }
}
