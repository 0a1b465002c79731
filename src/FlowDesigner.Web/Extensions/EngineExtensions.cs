using FlowDesigner.Connectors;
using FlowDesigner.Engine;
using FlowDesigner.Engine.Runtime;
using FlowDesigner.Persistence;
using FlowDesigner.Persistence.PostgreSql;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;

namespace FlowDesigner.Web.Extensions;

public static class EngineExtensions
{
    /// <summary>The node catalog of the built-in connectors and the application services.</summary>
    public static WebApplicationBuilder AddFlowDesignerEngine(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(EngineOptions.Section).Get<EngineOptions>() ?? new EngineOptions());
        builder.Services.AddFlowDesignerEngine(BuiltInNodes.Assembly);
        builder.Services.AddFlowDesignerConnectors();
        builder.Services.AddHostedService<Hosting.ListeningEndpoints>();
        return builder;
    }

    /// <summary>Hangfire with a server in this process, on in-memory storage or on the shared PostgreSQL database; the database stays the source of truth.</summary>
    public static WebApplicationBuilder AddFlowDesignerBackgroundJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddFlowDesignerJobs(
            StorageExtensions.ReadStorageOptions(builder.Configuration),
            builder.Configuration.GetValue("BackgroundJobs:Workers", 20),
            TimeSpan.FromMilliseconds(builder.Configuration.GetValue("BackgroundJobs:SchedulePollingMilliseconds", 1000)));
        return builder;
    }

    /// <param name="schedulePolling">How often scheduled work (delays, retries, schedules) is checked for being due.</param>
    public static IServiceCollection AddFlowDesignerJobs(this IServiceCollection services, StorageOptions storage, int workers, TimeSpan schedulePolling)
    {
        services.AddHangfire(configuration =>
        {
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (storage.IsPostgreSql)
            {
                PostgreSqlDatabase.EnsureExists(storage); // the storage prepares its schema in it at once
                configuration.UsePostgreSqlStorage(
                    connection => connection.UseNpgsqlConnection(storage.PostgreSqlConnectionString),
                    new PostgreSqlStorageOptions
                    {
                        // A job enqueued on one node is heard at once by the others (LISTEN/NOTIFY), and looked for
                        // four times a second besides: the storage's default looks every 15 s.
                        EnableLongPolling = true,
                        QueuePollInterval = TimeSpan.FromMilliseconds(250),
                        // A job whose node died is handed out again 30 s after that node stopped renewing it.
                        UseSlidingInvisibilityTimeout = true,
                        InvisibilityTimeout = TimeSpan.FromSeconds(30),
                        DistributedLockTimeout = TimeSpan.FromSeconds(30),
                    });
            }
            else
            {
                configuration.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(1) });
            }
        });
        services.AddHangfireServer(options =>
        {
            options.WorkerCount = workers;
            options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            // A delay or a retry's back-off is due within a second of its time, on whichever node looks first.
            options.SchedulePollingInterval = schedulePolling;
            if (storage.IsPostgreSql)
            {
                // Nodes that stopped are struck from the servers' list within half a minute.
                options.HeartbeatInterval = TimeSpan.FromSeconds(5);
                options.ServerTimeout = TimeSpan.FromSeconds(30);
                options.ServerCheckInterval = TimeSpan.FromSeconds(10);
            }
        });
        return services;
    }
}
