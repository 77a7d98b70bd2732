namespace BinhDanHocVuSo.Web.Hosting.Clustering;

/// <summary>
/// The PostgreSQL tables and stored query texts that Orleans' ADO.NET clustering provider needs.
/// </summary>
/// <remarks>
/// The provider package ships no SQL: each silo and client reads its queries from the <c>OrleansQuery</c> table
/// and fails at start-up if any is missing, so the database must be prepared first. The script is our own,
/// written against the contract of Microsoft.Orleans.Clustering.AdoNet 10.4.2 (invariant <c>Npgsql</c>); check it
/// again when that package is upgraded. It is safe to apply more than once; apply it as a single command so it
/// runs in one transaction.
/// </remarks>
public static class OrleansClusteringSchema
{
    /// <summary>The script, from the embedded resource <c>OrleansClusteringSchema.Postgres.sql</c>.</summary>
    public static string Postgres { get; } = Read("OrleansClusteringSchema.Postgres.sql");

    static string Read(string name)
    {
        using var stream = typeof(OrleansClusteringSchema).Assembly.GetManifestResourceStream(typeof(OrleansClusteringSchema), name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from {typeof(OrleansClusteringSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
