namespace BinhDanHocVuSo.Web.Hosting;

public static class DataExtensions
{
    /// <summary>
    /// Registers the database chosen by <c>Database:Provider</c> and the start-up step that applies its migrations.
    /// </summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<DatabaseOptions, DatabaseOptionsValidator>(DatabaseOptions.Section);
        var database = builder.ReadDatabaseSettings();
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<BinhDanHocVuSo.Web.Data.Versioned.VersionedWriteQueue>();

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

    /// <summary>
    /// The database settings, read and checked once per builder: the provider decides which context is registered here and
    /// how the silo clusters (<see cref="SiloExtensions.AddSilo"/>); services take the <see cref="DatabaseSettings"/> singleton.
    /// </summary>
    public static DatabaseSettings ReadDatabaseSettings(this IHostApplicationBuilder builder)
    {
        if (!builder.Properties.TryGetValue(typeof(DatabaseSettings), out var read))
        {
            var options = builder.StartupOptions(DatabaseOptions.Section, new DatabaseOptionsValidator());
            read = builder.Properties[typeof(DatabaseSettings)] = DatabaseSettings.Read(options, builder.Configuration, builder.Environment.ContentRootPath);
        }
        return (DatabaseSettings)read;
    }

    /// <summary>Hands out the provider's context as the provider-neutral <see cref="AppDbContext"/>.</summary>
    sealed class AppDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
