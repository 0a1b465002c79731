using System.Text.Json;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// Decides, from a run's recorded steps alone, what happens next: which steps become ready, which are skipped
/// because the path to them was not taken, which for-each loops are done, and whether the run has ended.
/// Pure and repeatable: planning twice from the same rows gives the same answer, so any worker may plan.
/// </summary>
public static class RunPlanner
{
    public static RunDecision Plan(WorkflowPlan plan, IReadOnlyList<StepRecord> steps)
    {
        var state = new RunState(plan, steps);
        var decision = new RunDecision();
        bool changed;
        do
        {
            changed = false;
            foreach (var (nodeId, scope) in Candidates(plan, state).ToList())
            {
                var status = Readiness(plan, state, nodeId, scope);
                if (status is not null)
                {
                    decision.NewSteps.Add(new NewStep(nodeId, scope, 1, status.Value));
                    state.Assume(nodeId, scope, status.Value);
                    changed = true;
                }
            }

            foreach (var loop in LoopsToFinish(plan, state))
            {
                decision.FinishedLoops.Add(loop);
                state.AssumeLoopDone(loop.StepId);
                changed = true;
            }
        }
        while (changed);

        if (decision.NewSteps.Count == 0 && decision.FinishedLoops.Count == 0 && !state.HasUnfinished)
        {
            decision.RunEnded = true;
            decision.Output = RunOutput(plan, state);
        }

        return decision;
    }

    /// <summary>The input a step receives: its single predecessor's output, or an object of its predecessors' outputs by name.</summary>
    internal static JsonElement InputFor(WorkflowPlan plan, RunState state, string nodeId, string scope)
    {
        var fired = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var edge in plan.Incoming(nodeId))
        {
            if (IsEachEdge(plan, edge, nodeId))
            {
                return state.Item(edge.From, scope) ?? default;
            }

            var source = state.Latest(edge.From, Scope.Prefix(scope, plan.Depth(edge.From)));
            if (source is not null && Fires(source, edge.Port))
            {
                fired[plan.Nodes[edge.From].Name] = Parse(source.OutputJson);
            }
        }

        return fired.Count switch
        {
            0 => Parse(state.Latest(plan.Trigger.Id, Scope.Root)?.OutputJson),
            1 => fired.Values.Single(),
            _ => JsonSerializer.SerializeToElement(fired),
        };
    }

    private static IEnumerable<(string NodeId, string Scope)> Candidates(WorkflowPlan plan, RunState state)
    {
        foreach (var id in plan.Nodes.Keys.Where(id => id != plan.Trigger.Id && plan.Depth(id) == 0))
        {
            yield return (id, Scope.Root);
        }

        foreach (var (loopId, loopScope, items, parallelism) in state.IteratingLoops())
        {
            var members = plan.Branch(loopId).Where(id => plan.InnermostLoop(id) == loopId).ToList();
            var running = 0;
            for (var i = 0; i < items && running < parallelism; i++)
            {
                var itemScope = Scope.Child(loopScope, i);
                if (!members.All(id => state.IsComplete(id, itemScope)))
                {
                    running++;
                }

                foreach (var id in members)
                {
                    yield return (id, itemScope);
                }
            }
        }
    }

    /// <summary>Pending or Skipped when every incoming link has fired or died; null while one is undecided or the step exists.</summary>
    private static StepStatus? Readiness(WorkflowPlan plan, RunState state, string nodeId, string scope)
    {
        if (state.Latest(nodeId, scope) is not null)
        {
            return null;
        }

        var anyFired = false;
        foreach (var edge in plan.Incoming(nodeId))
        {
            if (IsEachEdge(plan, edge, nodeId))
            {
                anyFired = true;
                continue;
            }

            var source = state.Latest(edge.From, Scope.Prefix(scope, plan.Depth(edge.From)));
            if (source is null || !source.IsTerminal || (plan.IsLoop(edge.From) && source.Port == PortDescriptor.Each.Name && source.Status == StepStatus.Succeeded))
            {
                return null;
            }

            anyFired |= Fires(source, edge.Port);
        }

        return anyFired ? StepStatus.Pending : StepStatus.Skipped;
    }

    private static bool IsEachEdge(WorkflowPlan plan, Model.Definitions.EdgeDefinition edge, string nodeId) =>
        edge.Port == PortDescriptor.Each.Name && plan.IsLoop(edge.From) && plan.InnermostLoop(nodeId) == edge.From;

    private static bool Fires(StepRecord source, string port) => source.Status switch
    {
        StepStatus.Succeeded => source.Port == port,
        StepStatus.Failed => source.Port == PortDescriptor.Error.Name && port == PortDescriptor.Error.Name,
        _ => false,
    };

    private static IEnumerable<FinishedLoop> LoopsToFinish(WorkflowPlan plan, RunState state)
    {
        foreach (var (loopId, loopScope, items, _) in state.IteratingLoops().ToList())
        {
            var members = plan.Branch(loopId).Where(id => plan.InnermostLoop(id) == loopId).ToList();
            var itemScopes = Enumerable.Range(0, items).Select(i => Scope.Child(loopScope, i)).ToList();
            if (itemScopes.All(s => members.All(id => state.IsComplete(id, s))))
            {
                var results = itemScopes.Select(s => ItemResult(plan, state, loopId, s)).ToList();
                yield return new FinishedLoop(state.Latest(loopId, loopScope)!.Id, JsonSerializer.SerializeToElement(results));
            }
        }
    }

    private static JsonElement ItemResult(WorkflowPlan plan, RunState state, string loopId, string itemScope)
    {
        var outputs = plan.BranchResults(loopId)
            .Select(id => (Name: plan.Nodes[id].Name, Step: state.Latest(id, itemScope)))
            .Where(r => r.Step is { Status: StepStatus.Succeeded })
            .ToList();
        return outputs.Count == 1
            ? Parse(outputs[0].Step!.OutputJson)
            : JsonSerializer.SerializeToElement(outputs.ToDictionary(o => o.Name, o => Parse(o.Step!.OutputJson)));
    }

    private static JsonElement RunOutput(WorkflowPlan plan, RunState state)
    {
        var respond = plan.Nodes.Values.FirstOrDefault(n => n.Type == "core.respond" && state.Latest(n.Id, Scope.Root) is { Status: StepStatus.Succeeded });
        if (respond is not null)
        {
            return Parse(state.Latest(respond.Id, Scope.Root)!.OutputJson);
        }

        var ends = plan.Ends()
            .Select(id => (Name: plan.Nodes[id].Name, Step: state.Latest(id, Scope.Root)))
            .Where(e => e.Step is { Status: StepStatus.Succeeded })
            .ToList();
        return ends.Count == 1
            ? Parse(ends[0].Step!.OutputJson)
            : JsonSerializer.SerializeToElement(ends.ToDictionary(e => e.Name, e => Parse(e.Step!.OutputJson)));
    }

    internal static JsonElement Parse(string? json) => json is null ? Null : ParsedOutputs.Parse(json);

    private static readonly JsonElement Null = JsonSerializer.SerializeToElement<object?>(null);
}
