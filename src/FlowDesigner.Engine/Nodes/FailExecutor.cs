using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Engine.Nodes;

/// <summary>core.fail: ends the run as failed with the configured message.</summary>
internal sealed class FailExecutor : ICoreNodeExecutor
{
    public string NodeType => CoreNodeTypes.Fail;

    public Task<NodeResult> ExecuteAsync(CoreNodeContext context, CancellationToken cancellationToken) =>
        throw new StepFailedException(context.Step.GetText("message", "Stopped by a 'Stop with error' node."), retryable: false);
}
