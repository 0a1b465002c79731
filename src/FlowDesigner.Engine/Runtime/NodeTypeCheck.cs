using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Polling;
using Microsoft.Extensions.Hosting;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// Refuses to start when a node type in the catalog could never run: an action or logic node without an executor,
/// or a trigger that neither the engine receives (webhook, schedule, manual, event) nor a poller fetches. Found
/// here, the missing piece is named at start-up rather than when a published workflow's step first fails.
/// </summary>
public sealed class NodeTypeCheck(NodeCatalog catalog, ExecutorRegistry executors, IEnumerable<ITriggerPoller> pollers) : IHostedService
{
    private static readonly HashSet<string> EngineTriggers =
        [CoreNodeTypes.Webhook, CoreNodeTypes.Schedule, CoreNodeTypes.Manual, CoreNodeTypes.OnEvent];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var polled = pollers.Select(p => p.NodeType).ToHashSet(StringComparer.Ordinal);
        var problems = catalog.NodeTypes
            .Select(type => type.Kind == NodeKind.Trigger
                ? EngineTriggers.Contains(type.Key) || polled.Contains(type.Key) ? null : $"trigger type '{type.Key}' ({type.DisplayName}) has no poller that fetches its events"
                : executors.Runs(type.Key) ? null : $"node type '{type.Key}' ({type.DisplayName}) has no executor")
            .OfType<string>()
            .ToList();
        return problems.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException(
                $"FlowDesigner cannot start: {string.Join("; ", problems)}. Register its executor beside its descriptor, or remove the descriptor.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
