using BinhDanHocVuSo.Web.Hosting.Clustering;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BinhDanHocVuSo.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Orleans' ADO.NET membership tables and queries, so that silos sharing this database form one cluster.
    /// Applied by the app's own migration step, before the silo starts.
    /// </summary>
    public partial class OrleansClustering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(OrleansClusteringSchema.Postgres);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DROP TABLE IF EXISTS orleansmembership; DROP TABLE IF EXISTS orleansmembershipversion; DROP TABLE IF EXISTS orleansquery;");
    }
}
