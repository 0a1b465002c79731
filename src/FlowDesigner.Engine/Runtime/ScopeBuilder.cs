using System.Text.Json;
using FlowDesigner.Engine.Expressions;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>Builds what a step's expressions see: the trigger payload, the outputs of the steps it can see, its item.</summary>
public static class ScopeBuilder
{
    public static ExpressionScope For(WorkflowPlan plan, RunSnapshot snapshot, StepRecord step, JsonElement input, IReadOnlyDictionary<string, string> env)
    {
        var state = new RunState(plan, snapshot.Steps);
        var steps = new Dictionary<string, StepRecord>(StringComparer.Ordinal);
        foreach (var node in plan.Nodes.Values)
        {
            var visible = state.Latest(node.Id, Scope.Prefix(step.Scope, Math.Min(plan.Depth(node.Id), Scope.Depth(step.Scope))));
            if (visible is { Status: StepStatus.Succeeded or StepStatus.Failed, OutputJson: not null } && plan.Depth(node.Id) <= Scope.Depth(step.Scope))
            {
                steps[node.Name] = visible;
                steps[node.Id] = visible;
            }
        }

        var trigger = RunPlanner.Parse(state.Latest(plan.Trigger.Id, Scope.Root)?.OutputJson);
        var run = JsonSerializer.SerializeToElement(new
        {
            id = snapshot.Run.Id,
            workflowId = snapshot.Run.WorkflowId,
            version = snapshot.Run.VersionNumber,
            startedAt = snapshot.Run.StartedAt ?? snapshot.Run.CreatedAt,
            correlationId = snapshot.Run.CorrelationId,
        });
        var scope = new ExpressionScope(trigger, new VisibleSteps(steps), run, env) { Input = input };
        if (plan.InnermostLoop(step.NodeId) is { } loop && Scope.Depth(step.Scope) > 0)
        {
            scope = scope with { Item = state.Item(loop, step.Scope), Index = Scope.LastIndex(step.Scope) };
        }

        return scope;
    }
}
