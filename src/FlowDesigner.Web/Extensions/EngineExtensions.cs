using FlowDesigner.Connectors;
using FlowDesigner.Engine;
using Hangfire;
using Hangfire.InMemory;

namespace FlowDesigner.Web.Extensions;

public static class EngineExtensions
{
    /// <summary>The node catalog of the built-in connectors and the application services.</summary>
    public static WebApplicationBuilder AddFlowDesignerEngine(this WebApplicationBuilder builder)
    {
        builder.Services.AddFlowDesignerEngine(BuiltInNodes.Assembly);
        return builder;
    }

    /// <summary>Hangfire on in-memory storage with a server in this process; the database stays the source of truth.</summary>
    public static WebApplicationBuilder AddFlowDesignerBackgroundJobs(this WebApplicationBuilder builder)
    {
        var workers = builder.Configuration.GetValue("BackgroundJobs:Workers", 20);
        builder.Services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(1) }));
        builder.Services.AddHangfireServer(options =>
        {
            options.WorkerCount = workers;
            options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
        });
        return builder;
    }
}
