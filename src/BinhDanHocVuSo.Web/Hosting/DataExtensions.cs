using BinhDanHocVuSo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace BinhDanHocVuSo.Web.Hosting;

public static class DataExtensions
{
    /// <summary>
    /// Registers the database chosen by <c>Database:Provider</c> and the start-up step that applies its migrations.
    /// </summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var database = DatabaseSettings.Read(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(database);

        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.Services.AddPooledDbContextFactory<SqliteAppDbContext>(options => options.UseSqlite(database.ConnectionString));
                builder.Services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory<SqliteAppDbContext>>();
                break;
            case DatabaseProvider.Postgres:
                builder.Services.AddPooledDbContextFactory<PostgresAppDbContext>(options => options.UseNpgsql(database.ConnectionString));
                builder.Services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory<PostgresAppDbContext>>();
                break;
        }
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddSingleton<DatabaseWriteCheck>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [HealthExtensions.ReadyTag])
            .AddCheck<DatabaseWriteCheck>("database-write", tags: [HealthExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>Hands out the provider's context as the provider-neutral <see cref="AppDbContext"/>.</summary>
    sealed class AppDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
