using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Cluster;

/// <summary>Silos of a province that all start at the same moment (after a power cut) on a database that is still empty.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterStartSpec
{
    [Fact]
    public async Task Three_silos_started_together_on_an_empty_database_all_become_ready()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, empty: true);
        var clusterId = $"cluster-{Guid.NewGuid():N}";
        var silos = new List<SiloProcess>();
        try
        {
            foreach (var name in new[] { "A", "B", "C" })
            {
                silos.Add(SiloProcess.Start(name, database.ConnectionString, clusterId));
            }
            await Task.WhenAll(silos.Select(s => s.WaitReadyAsync(TimeSpan.FromSeconds(90))));
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }
}
