using System.Text.Json;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Engine.Nodes;

/// <summary>core.respond: sets what a webhook waiting for the run answers (its body is this step's output).</summary>
internal sealed class RespondExecutor : ICoreNodeExecutor
{
    public string NodeType => CoreNodeTypes.Respond;

    public Task<NodeResult> ExecuteAsync(CoreNodeContext context, CancellationToken cancellationToken) =>
        PassThrough.Result(context.Step.GetConfig("body") is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } body
            ? body
            : context.Step.Input);
}
