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
        var trigger = state.Outputs.Parse(state.Latest(plan.Trigger.Id, Scope.Root)?.OutputJson);
        var visible = new VisibleSteps(plan, state, step.Scope);
        var loop = step.Scope.Length > 0 ? plan.InnermostLoop(step.NodeId) : null;
        return new ExpressionScope(trigger, visible, view.RunFields, env)
        {
            Input = input,
            Item = loop is null ? null : state.Item(loop, step.Scope),
            Index = loop is null ? null : Scope.LastIndex(step.Scope),
        };
    }
}
