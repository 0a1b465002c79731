using System.Text.Json;
using FlowDesigner.Engine.Expressions;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>Builds what a step's expressions see: the trigger payload, the outputs of the steps it can see, its item.</summary>
public static class ScopeBuilder
{
    internal static ExpressionScope For(WorkflowPlan plan, RunView view, StepRecord step, JsonElement input, IReadOnlyDictionary<string, string> env)
    {
        var state = view.State;
        var depth = Scope.Depth(step.Scope);
        var steps = new Dictionary<string, StepRecord>(plan.Nodes.Count * 2, StringComparer.Ordinal);
        foreach (var node in plan.Nodes.Values)
        {
            var nodeDepth = plan.Depth(node.Id);
            if (nodeDepth > depth)
            {
                continue;
            }

            var visible = state.Latest(node.Id, Scope.Prefix(step.Scope, nodeDepth));
            if (visible is { Status: StepStatus.Succeeded or StepStatus.Failed, OutputJson: not null })
            {
                steps[node.Name] = visible;
                steps[node.Id] = visible;
            }
        }

        var trigger = state.Outputs.Parse(state.Latest(plan.Trigger.Id, Scope.Root)?.OutputJson);
        var scope = new ExpressionScope(trigger, new VisibleSteps(steps, state.Outputs), view.RunFields, env) { Input = input };
        if (plan.InnermostLoop(step.NodeId) is { } loop && depth > 0)
        {
            scope = scope with { Item = state.Item(loop, step.Scope), Index = Scope.LastIndex(step.Scope) };
        }

        return scope;
    }
}
