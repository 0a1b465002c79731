using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// What a retry from the failed steps reuses of the run it retries: every step that succeeded and whose whole way from
/// the trigger succeeded or was skipped as well. A step after a failed one (reached by its error port) is run again with
/// it, since the failed step may now take another port; a skipped step is not copied: the planner skips it again.
/// </summary>
internal static class RetryReuse
{
    /// <returns>The steps to reuse, the trigger's first, in the order they were written.</returns>
    public static IReadOnlyList<StepRecord> Of(WorkflowPlan plan, IReadOnlyList<StepRecord> steps)
    {
        var latest = new Dictionary<(string NodeId, string Scope), StepRecord>(StepKeyComparer.Instance);
        foreach (var step in steps)
        {
            if (!latest.TryGetValue((step.NodeId, step.Scope), out var known) || known.Attempt < step.Attempt)
            {
                latest[(step.NodeId, step.Scope)] = step;
            }
        }

        var kept = new Dictionary<(string NodeId, string Scope), bool>(StepKeyComparer.Instance);
        bool Kept(string nodeId, string scope)
        {
            if (kept.TryGetValue((nodeId, scope), out var known))
            {
                return known;
            }

            kept[(nodeId, scope)] = false; // a graph has no cycles; this only guards a damaged history
            var step = latest.GetValueOrDefault((nodeId, scope));
            var result = step is not null && (nodeId == plan.Trigger.Id || (step.Status is StepStatus.Succeeded or StepStatus.Skipped
                && plan.Incoming(nodeId).All(edge => Kept(edge.From, Scope.Prefix(scope, plan.Depth(edge.From))))));
            kept[(nodeId, scope)] = result;
            return result;
        }

        return latest.Values
            .Where(s => plan.Nodes.ContainsKey(s.NodeId) && (s.Status == StepStatus.Succeeded || s.NodeId == plan.Trigger.Id) && Kept(s.NodeId, s.Scope))
            .OrderBy(s => s.NodeId == plan.Trigger.Id ? 0 : 1)
            .ThenBy(s => s.Id)
            .ToList();
    }
}
