using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The node catalog built from the node and credential types declared in <paramref name="nodeAssemblies"/>,
    /// the graph validator, and the application services the pages and the API call.
    /// </summary>
    public static IServiceCollection AddFlowDesignerEngine(this IServiceCollection services, params System.Reflection.Assembly[] nodeAssemblies)
    {
        foreach (var type in nodeAssemblies.SelectMany(NodeCatalog.DiscoverTypes))
        {
            services.AddSingleton(type);
            if (typeof(INodeType).IsAssignableFrom(type))
            {
                services.AddSingleton(typeof(INodeType), provider => provider.GetRequiredService(type));
            }

            if (typeof(ICredentialType).IsAssignableFrom(type))
            {
                services.AddSingleton(typeof(ICredentialType), provider => provider.GetRequiredService(type));
            }
        }

        services.AddSingleton<NodeCatalog>();
        services.AddSingleton<GraphValidator>();
        services.AddSingleton<WorkflowService>();
        return services;
    }
}
