using System.Text.Json;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Engine.Nodes;

/// <summary>core.switch: goes on from the first case whose value matches, else from 'default'.</summary>
internal sealed class SwitchExecutor : ICoreNodeExecutor
{
    public string NodeType => CoreNodeTypes.Switch;

    public Task<NodeResult> ExecuteAsync(CoreNodeContext context, CancellationToken cancellationToken)
    {
        var value = PropertyValues.AsText(context.Step.GetConfig("value"));
        var port = context.Step.GetConfig("cases") is { ValueKind: JsonValueKind.Object } cases
            ? cases.EnumerateObject().FirstOrDefault(c => PropertyValues.AsText(c.Value) == value).Name
            : null;
        return PassThrough.Result(context.Step.Input, port ?? "default");
    }
}
