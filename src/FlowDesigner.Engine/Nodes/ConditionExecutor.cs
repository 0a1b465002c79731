using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Engine.Nodes;

/// <summary>core.condition: goes on from 'true' or 'false' with its input unchanged.</summary>
internal sealed class ConditionExecutor : ICoreNodeExecutor
{
    public string NodeType => CoreNodeTypes.Condition;

    public Task<NodeResult> ExecuteAsync(CoreNodeContext context, CancellationToken cancellationToken) =>
        PassThrough.Result(context.Step.Input, PassThrough.IsTrue(context.Step.GetConfig("condition")) ? "true" : "false");
}
