using System.Text.Json;
using FlowDesigner.Engine.Expressions;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>Builds what a step's expressions see: the trigger payload, the outputs of the steps it can see, its item.</summary>
public static class ScopeBuilder
{
    internal static ExpressionScope For(
        WorkflowPlan plan, RunState state, RunRecord runRecord, StepRecord step, JsonElement input, IReadOnlyDictionary<string, string> env)
    {
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
            id = runRecord.Id,
            workflowId = runRecord.WorkflowId,
            version = runRecord.VersionNumber,
            startedAt = runRecord.StartedAt ?? runRecord.CreatedAt,
            correlationId = runRecord.CorrelationId,
        });
        var scope = new ExpressionScope(trigger, new VisibleSteps(steps), run, env) { Input = input };
        if (plan.InnermostLoop(step.NodeId) is { } loop && Scope.Depth(step.Scope) > 0)
        {
            scope = scope with { Item = state.Item(loop, step.Scope), Index = Scope.LastIndex(step.Scope) };
        }

        return scope;
    }
}
