using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Persistence.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>The SQLite database under the data folder and the stores that read and write it.</summary>
    public static IServiceCollection AddFlowDesignerPersistence(this IServiceCollection services, StorageOptions options)
    {
        SqliteLibrarySetup.Apply();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddPooledDbContextFactory<FlowDbContext>((provider, db) => db
            .UseSqlite(options.ConnectionString)
            // Migrations that rebuild tables turn foreign keys off outside their transaction, as EF's own rebuilds do;
            // EF warns of it at every start-up. CompactHistory, the one that converts data, may run again over its own result.
            .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)))
            .AddInterceptors(new SqliteConnectionSetup(), new MigrationProgress(provider.GetRequiredService<ILogger<MigrationProgress>>())));
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<IWorkflowStore, WorkflowStore>();
        services.AddSingleton<IVersionStore, VersionStore>();
        services.AddSingleton<Model.Credentials.ICredentialStore, CredentialStore>();
        services.AddSingleton<Model.Users.IApiTokenStore, ApiTokenStore>();
        services.AddSingleton<Model.Users.IAuditTrail, AuditTrail>();
        services.AddSingleton<Model.Users.IAuditLogReader, AuditLogReader>();
        services.AddSingleton<Model.Polling.ITriggerCursorStore, TriggerCursorStore>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<Sql.BatchWriter>();
        services.AddSingleton<IRunStore, RunStore>();
        services.AddSingleton<Model.Events.IEventStore, EventStore>();
        services.AddSingleton<IRunStatistics, RunStatistics>();
        services.AddSingleton<Model.Retention.IRetentionStore, RetentionStore>();
        services.AddSingleton<StepIdSequence>();
        services.AddSingleton(provider => new StepHistoryConversion(
            provider.GetRequiredService<IDbContextFactory<FlowDbContext>>(), provider.GetRequiredService<WriteGate>(), provider.GetRequiredService<ILogger<StepHistoryConversion>>()));
        return services;
    }
}
