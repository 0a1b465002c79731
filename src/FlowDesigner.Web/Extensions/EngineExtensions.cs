using FlowDesigner.Connectors;
using FlowDesigner.Engine;
using FlowDesigner.Engine.Runtime;
using Hangfire;
using Hangfire.InMemory;

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

    /// <summary>Hangfire on in-memory storage with a server in this process; the database stays the source of truth.</summary>
    public static WebApplicationBuilder AddFlowDesignerBackgroundJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddFlowDesignerJobs(
            builder.Configuration.GetValue("BackgroundJobs:Workers", 20),
            TimeSpan.FromMilliseconds(builder.Configuration.GetValue("BackgroundJobs:SchedulePollingMilliseconds", 1000)));
        return builder;
    }

    /// <param name="schedulePolling">How often scheduled work (delays, retries, schedules) is checked for being due.</param>
    public static IServiceCollection AddFlowDesignerJobs(this IServiceCollection services, int workers, TimeSpan schedulePolling)
    {
        services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(1) }));
        services.AddHangfireServer(options =>
        {
            options.WorkerCount = workers;
            options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            options.SchedulePollingInterval = schedulePolling;
        });
        return services;
    }
}
