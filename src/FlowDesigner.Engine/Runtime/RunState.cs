using System.Text.Json;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>The latest attempt of every step of a run, by node and scope, with what the planner has decided so far.</summary>
internal sealed class RunState
{
    private readonly WorkflowPlan _plan;
    private readonly Dictionary<(string NodeId, string Scope), StepRecord> _latest = new(StepKeyComparer.Instance);

    // The keys of the loops' steps among them: only those can be iterating, so only those are looked at for it.
    private readonly List<(string NodeId, string Scope)> _loopKeys = [];

    // For a copy to plan on: the state it was taken from, read through wherever the copy has no row of its own.
    private readonly RunState? _under;

    public RunState(WorkflowPlan plan, IReadOnlyList<StepRecord> steps, ParsedOutputs outputs)
    {
        _plan = plan;
        Outputs = outputs;
        foreach (var step in steps)
        {
            if (!_latest.TryGetValue((step.NodeId, step.Scope), out var known) || known.Attempt < step.Attempt)
            {
                Put(step);
            }
        }
    }

    /// <summary>
    /// A copy to plan on: what the planner assumes does not change the original. It holds only those assumptions
    /// and reads the rest from the original, which must not change while the copy is in use.
    /// </summary>
    public RunState(RunState other)
    {
        if (other._under is not null)
        {
            throw new InvalidOperationException("A copy to plan on is taken of a run's state, not of another copy.");
        }

        _plan = other._plan;
        Outputs = other.Outputs;
        _under = other;
    }

    /// <summary>Takes in a row just left by a step: a later attempt, or the same step changed (a loop done).</summary>
    public void Record(StepRecord step)
    {
        if (!_latest.TryGetValue((step.NodeId, step.Scope), out var known) || known.Attempt < step.Attempt || known.Id == step.Id)
        {
            Put(step);
        }
    }

    /// <summary>The steps' outputs, each parsed once.</summary>
    public ParsedOutputs Outputs { get; }

    public bool HasUnfinished
    {
        get
        {
            foreach (var step in AllLatest())
            {
                if (!step.IsTerminal || IsIterating(step))
                {
                    return true;
                }
            }

            return false;
        }
    }

    public StepRecord? Latest(string nodeId, string scope) =>
        _latest.Count > 0 && _latest.TryGetValue((nodeId, scope), out var step) ? step : _under?.Latest(nodeId, scope);

    /// <summary>Finished, and for a loop also done with all its items.</summary>
    public bool IsComplete(string nodeId, string scope) =>
        Latest(nodeId, scope) is { IsTerminal: true } step && !IsIterating(step);

    /// <summary>Loops whose step has run and whose items are not all done, with their item count and items at a time.</summary>
    public void FindIteratingLoops(List<IteratingLoop> loops)
    {
        loops.Clear();
        AddIterating(_loopKeys, loops, fromUnder: false);
        if (_under is not null)
        {
            AddIterating(_under._loopKeys, loops, fromUnder: true);
        }
    }

    private void AddIterating(List<(string NodeId, string Scope)> keys, List<IteratingLoop> loops, bool fromUnder)
    {
        for (var k = 0; k < keys.Count; k++)
        {
            if (fromUnder && _latest.ContainsKey(keys[k]))
            {
                continue; // this copy has a row of its own for that loop step, looked at already
            }

            if (Latest(keys[k].NodeId, keys[k].Scope) is { } step && IsIterating(step))
            {
                var output = Outputs.Parse(step.OutputJson);
                var items = output.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;
                var parallelism = output.TryGetProperty("parallelism", out var p) && p.TryGetInt32(out var n) && n > 0 ? n : 1;
                loops.Add(new IteratingLoop(step.NodeId, step.Scope, items, parallelism));
            }
        }
    }

    /// <summary>The item a loop hands to the branch step at <paramref name="itemScope"/>.</summary>
    public JsonElement? Item(string loopId, string itemScope)
    {
        var loop = Latest(loopId, Scope.Parent(itemScope));
        var output = Outputs.Parse(loop?.OutputJson);
        var index = Scope.LastIndex(itemScope);
        return output.ValueKind == JsonValueKind.Object && output.TryGetProperty("items", out var items)
            && items.ValueKind == JsonValueKind.Array && index < items.GetArrayLength()
            ? items[index]
            : null;
    }

    public void Assume(string nodeId, string scope, StepStatus status) =>
        Put(new StepRecord(0, Guid.Empty, nodeId, scope, 1, status, null, null, null, null, null, null, null));

    public void AssumeLoopDone(long stepId)
    {
        var step = Step(stepId);
        Put(step with { Port = PortDescriptor.Done.Name });
    }

    private void Put(StepRecord step)
    {
        if (_latest.TryAdd((step.NodeId, step.Scope), step))
        {
            if (_plan.IsLoop(step.NodeId))
            {
                _loopKeys.Add((step.NodeId, step.Scope));
            }
        }
        else
        {
            _latest[(step.NodeId, step.Scope)] = step;
        }
    }

    /// <summary>The latest attempt with this id.</summary>
    public StepRecord Step(long stepId) => AllLatest().First(s => s.Id == stepId);

    /// <summary>The latest attempt of every step: this state's own, then the original's that it has not replaced.</summary>
    private IEnumerable<StepRecord> AllLatest()
    {
        foreach (var step in _latest.Values)
        {
            yield return step;
        }

        if (_under is null)
        {
            yield break;
        }

        foreach (var step in _under.AllLatest())
        {
            if (!_latest.ContainsKey((step.NodeId, step.Scope)))
            {
                yield return step;
            }
        }
    }

    private bool IsIterating(StepRecord step) =>
        step.Status == StepStatus.Succeeded && step.Port == PortDescriptor.Each.Name && _plan.IsLoop(step.NodeId);
}
