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
    public static RunDecision Plan(WorkflowPlan plan, IReadOnlyList<StepRecord> steps) => Plan(plan, new RunState(plan, steps, new ParsedOutputs()));

    /// <param name="current">The run's steps; planning works on a copy of it.</param>
    internal static RunDecision Plan(WorkflowPlan plan, RunState current)
    {
        var state = new RunState(current);
        var decision = new RunDecision();
        var candidates = new List<(string NodeId, string Scope)>(plan.Nodes.Count * 2);
        var finished = new List<FinishedLoop>();
        var loops = new List<IteratingLoop>();
        bool changed;
        do
        {
            changed = false;
            candidates.Clear();
            state.FindIteratingLoops(loops);
            AddCandidates(plan, state, loops, candidates);
            foreach (var (nodeId, scope) in candidates)
            {
                var status = Readiness(plan, state, nodeId, scope);
                if (status is not null)
                {
                    decision.NewSteps.Add(new NewStep(nodeId, scope, 1, status.Value));
                    state.Assume(nodeId, scope, status.Value);
                    changed = true;
                }
            }

            // What was just assumed is pending or skipped, never a loop iterating: the loops found above still stand.
            finished.Clear();
            AddFinishedLoops(plan, state, loops, finished);
            foreach (var loop in finished)
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
        (string Name, JsonElement Output)? first = null;
        Dictionary<string, JsonElement>? fired = null;
        var incoming = plan.Incoming(nodeId);
        for (var e = 0; e < incoming.Count; e++)
        {
            var edge = incoming[e];
            if (IsEachEdge(plan, edge, nodeId))
            {
                return state.Item(edge.From, scope) ?? default;
            }

            var source = state.Latest(edge.From, Scope.Prefix(scope, plan.Depth(edge.From)));
            if (source is not null && Fires(source, edge.Port))
            {
                var name = plan.Nodes[edge.From].Name;
                var output = state.Outputs.Parse(source.OutputJson);
                if (first is null || first.Value.Name == name)
                {
                    first = (name, output);
                }
                else
                {
                    fired ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [first.Value.Name] = first.Value.Output };
                    fired[name] = output;
                }
            }
        }

        return (first, fired) switch
        {
            (null, _) => state.Outputs.Parse(state.Latest(plan.Trigger.Id, Scope.Root)?.OutputJson),
            (_, null) => first.Value.Output,
            _ => JsonSerializer.SerializeToElement(fired),
        };
    }

    /// <summary>Every step that could be due: the nodes outside loops, and the branch nodes of each loop's items up to its parallelism.</summary>
    private static void AddCandidates(WorkflowPlan plan, RunState state, List<IteratingLoop> loops, List<(string NodeId, string Scope)> candidates)
    {
        var topLevel = plan.TopLevel;
        for (var n = 0; n < topLevel.Count; n++)
        {
            candidates.Add((topLevel[n], Scope.Root));
        }

        foreach (var loop in loops)
        {
            var members = plan.Members(loop.LoopId);
            var running = 0;
            for (var i = 0; i < loop.Items && running < loop.Parallelism; i++)
            {
                var itemScope = Scope.Child(loop.Scope, i);
                if (!AllComplete(state, members, itemScope))
                {
                    running++;
                }

                for (var m = 0; m < members.Count; m++)
                {
                    candidates.Add((members[m], itemScope));
                }
            }
        }
    }

    private static bool AllComplete(RunState state, IReadOnlyList<string> members, string itemScope)
    {
        for (var m = 0; m < members.Count; m++)
        {
            if (!state.IsComplete(members[m], itemScope))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Pending or Skipped when every incoming link has fired or died; null while one is undecided or the step exists.</summary>
    private static StepStatus? Readiness(WorkflowPlan plan, RunState state, string nodeId, string scope)
    {
        if (state.Latest(nodeId, scope) is not null)
        {
            return null;
        }

        var anyFired = false;
        var incoming = plan.Incoming(nodeId);
        for (var e = 0; e < incoming.Count; e++)
        {
            var edge = incoming[e];
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

    /// <summary>The loops whose every item is complete, with the items' results.</summary>
    private static void AddFinishedLoops(WorkflowPlan plan, RunState state, List<IteratingLoop> loops, List<FinishedLoop> finished)
    {
        foreach (var loop in loops)
        {
            var members = plan.Members(loop.LoopId);
            var done = true;
            for (var i = 0; i < loop.Items && done; i++)
            {
                done = AllComplete(state, members, Scope.Child(loop.Scope, i));
            }

            if (done)
            {
                var results = Enumerable.Range(0, loop.Items).Select(i => ItemResult(plan, state, loop.LoopId, Scope.Child(loop.Scope, i))).ToList();
                finished.Add(new FinishedLoop(state.Latest(loop.LoopId, loop.Scope)!.Id, JsonSerializer.SerializeToElement(results)));
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
            ? state.Outputs.Parse(outputs[0].Step!.OutputJson)
            : JsonSerializer.SerializeToElement(outputs.ToDictionary(o => o.Name, o => state.Outputs.Parse(o.Step!.OutputJson)));
    }

    private static JsonElement RunOutput(WorkflowPlan plan, RunState state)
    {
        var respond = plan.Nodes.Values.FirstOrDefault(n => n.Type == CoreNodeTypes.Respond && state.Latest(n.Id, Scope.Root) is { Status: StepStatus.Succeeded });
        if (respond is not null)
        {
            return state.Outputs.Parse(state.Latest(respond.Id, Scope.Root)!.OutputJson);
        }

        var ends = plan.Ends()
            .Select(id => (Name: plan.Nodes[id].Name, Step: state.Latest(id, Scope.Root)))
            .Where(e => e.Step is { Status: StepStatus.Succeeded })
            .ToList();
        return ends.Count == 1
            ? state.Outputs.Parse(ends[0].Step!.OutputJson)
            : JsonSerializer.SerializeToElement(ends.ToDictionary(e => e.Name, e => state.Outputs.Parse(e.Step!.OutputJson)));
    }

}
