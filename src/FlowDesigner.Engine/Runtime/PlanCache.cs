using System.Collections.Concurrent;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Stores;

namespace FlowDesigner.Engine.Runtime;

/// <summary>Plans of published versions, built once each; a version never changes, so nothing is ever stale.</summary>
public sealed class PlanCache(IVersionStore versions, NodeCatalog catalog)
{
    private readonly ConcurrentDictionary<Guid, WorkflowPlan> _plans = new();

    public async Task<WorkflowPlan> GetAsync(Guid versionId, CancellationToken cancellationToken)
    {
        if (_plans.TryGetValue(versionId, out var plan))
        {
            return plan;
        }

        var version = await versions.FindAsync(versionId, cancellationToken)
            ?? throw new InvalidOperationException($"Version {versionId} does not exist.");
        return _plans.GetOrAdd(versionId, _ => new WorkflowPlan(version, catalog));
    }
}
