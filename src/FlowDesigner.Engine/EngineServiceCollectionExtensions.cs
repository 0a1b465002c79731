using FlowDesigner.Engine.Expressions;
using FlowDesigner.Engine.Nodes;
using FlowDesigner.Engine.Runtime;
using FlowDesigner.Engine.Triggers;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        // First of the hosted services: nothing starts when a node type could never run.
        services.AddHostedService<NodeTypeCheck>();
        services.AddSingleton<Credentials.CredentialProtector>();
        services.AddSingleton<Credentials.CredentialResolver>();
        services.AddSingleton<Credentials.CredentialService>();
        services.AddSingleton<GraphValidator>();
        services.AddSingleton<WorkflowService>();
        services.AddSingleton<PublishService>();
        services.AddSingleton<PublishWarnings>();
        services.AddSingleton<ManualRuns>();
        services.AddSingleton<RunCommands>();
        services.AddSingleton<RunReader>();
        services.AddSingleton<RunMending>();
        services.AddSingleton<CausalChains>();
        services.AddSingleton<Users.ApiTokens>();
        services.AddSingleton<TestRunner>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new ExpressionLimits());
        services.TryAddSingleton(new EngineOptions());
        services.AddSingleton<ExpressionEvaluator>();
        services.AddSingleton<PlanCache>();
        services.AddSingleton<RunCompletions>();
        services.AddSingleton<StepDispatcher>();
        services.AddSingleton<ParentSteps>();
        services.AddSingleton<HeldRuns>();
        services.AddSingleton<EngineNode>();
        services.AddSingleton<NodeHeartbeat>();
        // Before the workers: the node beats before it starts runs, and lets go of them after the workers stopped.
        services.AddHostedService(provider => provider.GetRequiredService<NodeHeartbeat>());
        services.AddSingleton<InMemoryAdvance>();
        services.AddSingleton<RunAdvancer>();
        services.AddSingleton<RunQueue>();
        services.AddMetrics();
        services.AddSingleton<EngineMetrics>();
        services.AddSingleton<RunWorkers>();
        services.AddHostedService(provider => provider.GetRequiredService<RunWorkers>());
        services.AddSingleton<StepRunner>();
        services.AddSingleton<StepExecution>();
        services.AddSingleton<RunStarter>();
        services.AddSingleton<ExecutorRegistry>();
        services.AddSingleton<EventPublisher>();
        services.AddSingleton<ActiveTriggerCache>();
        services.AddSingleton<WebhookReceiver>();
        services.AddSingleton<Webhooks.WebhookGate>();
        services.AddSingleton<ScheduleRegistry>();
        services.AddTransient<StepJobs>();
        services.AddTransient<ScheduleJobs>();
        services.AddTransient<PollJobs>();
        services.AddSingleton<Retention.HistoryPruner>();
        services.AddTransient<Retention.RetentionJobs>();
        services.AddSingleton<TriggerSamples>();
        services.AddSingleton<RecoverySweep>();
        services.AddHostedService(provider => provider.GetRequiredService<RecoverySweep>());
        foreach (var executor in typeof(ICoreNodeExecutor).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICoreNodeExecutor).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(ICoreNodeExecutor), executor);
        }

        // What connectors run: executors of their nodes, testers of their credentials, pollers of their triggers.
        Type[] connectorServices = [typeof(INodeExecutor), typeof(Model.Credentials.ICredentialTester), typeof(Model.Polling.ITriggerPoller)];
        foreach (var type in nodeAssemblies.SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }))
        {
            foreach (var service in connectorServices.Where(s => s.IsAssignableFrom(type)))
            {
                services.AddSingleton(service, type);
            }
        }

        return services;
    }
}
