using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Persistence.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FlowDesigner.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>The name of the assembly that holds the PostgreSQL migrations (SQLite's are in this one).</summary>
    public const string PostgreSqlMigrations = "FlowDesigner.Persistence.PostgreSql";

    /// <summary>The database the settings name (SQLite under the data folder by default, or PostgreSQL) and the stores that read and write it.</summary>
    public static IServiceCollection AddFlowDesignerPersistence(this IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        if (options.IsPostgreSql)
        {
            AddPostgreSql(services, options);
        }
        else
        {
            AddSqlite(services, options);
        }

        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<IWorkflowStore, WorkflowStore>();
        services.AddSingleton<IVersionStore, VersionStore>();
        services.AddSingleton<Model.Credentials.ICredentialStore, CredentialStore>();
        services.AddSingleton<Model.Users.IApiTokenStore, ApiTokenStore>();
        services.AddSingleton<Model.Users.IAuditTrail, AuditTrail>();
        services.AddSingleton<Model.Users.IAuditLogReader, AuditLogReader>();
        services.AddSingleton<Model.Polling.ITriggerCursorStore, TriggerCursorStore>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<IRunStore, RunStore>();
        services.AddSingleton<Model.Events.IEventStore, EventStore>();
        services.AddSingleton<IRunStatistics, RunStatistics>();
        services.AddSingleton<Model.Retention.IRetentionStore, RetentionStore>();
        services.AddSingleton<StepIdSequence>();
        services.AddSingleton(provider => new StepHistoryConversion(
            provider.GetRequiredService<IDbContextFactory<FlowDbContext>>(), provider.GetRequiredService<WriteGate>(), provider.GetRequiredService<ILogger<StepHistoryConversion>>()));
        return services;
    }

    private static void AddSqlite(IServiceCollection services, StorageOptions options)
    {
        SqliteLibrarySetup.Apply();
        services.AddPooledDbContextFactory<FlowDbContext>((provider, db) => db
            .UseSqlite(options.SqliteConnectionString)
            // Migrations that rebuild tables turn foreign keys off outside their transaction, as EF's own rebuilds do;
            // EF warns of it at every start-up. CompactHistory, the one that converts data, may run again over its own result.
            .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)))
            .AddInterceptors(new SqliteConnectionSetup(), new MigrationProgress(provider.GetRequiredService<ILogger<MigrationProgress>>())));
        services.AddSingleton<Sql.BatchWriter>();
        services.AddSingleton<Sql.IRunWriter, Sql.SqliteRunWriter>();
    }

    private static void AddPostgreSql(IServiceCollection services, StorageOptions options)
    {
        // Statements used again and again (the run writer's, EF's) are prepared once per connection, and a connection
        // handed back to the pool is not reset (a round trip each time): the product sets no session state on it.
        var connection = new NpgsqlConnectionStringBuilder(options.PostgreSqlConnectionString)
        {
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
            NoResetOnClose = true,
        };
        services.AddSingleton(_ => NpgsqlDataSource.Create(connection));
        services.AddPooledDbContextFactory<FlowDbContext>((provider, db) => db
            .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrations))
            .AddInterceptors(new MigrationProgress(provider.GetRequiredService<ILogger<MigrationProgress>>())));
        services.AddSingleton<Sql.IRunWriter, PostgreSql.PostgreSqlRunWriter>();
    }
}
