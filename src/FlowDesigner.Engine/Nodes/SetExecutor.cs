using System.Text.Json;
using System.Text.Json.Nodes;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Engine.Nodes;

/// <summary>core.set: builds an object from its fields, each already resolved from expressions.</summary>
internal sealed class SetExecutor : ICoreNodeExecutor
{
    public string NodeType => "core.set";


    public Task<NodeResult> ExecuteAsync(CoreNodeContext context, CancellationToken cancellationToken)
    {
        var result = context.Step.GetConfig("keepInput") is { ValueKind: JsonValueKind.True } && context.Step.Input.ValueKind == JsonValueKind.Object
            ? JsonNode.Parse(context.Step.Input.GetRawText())!.AsObject()
            : [];
        if (context.Step.GetConfig("fields") is { ValueKind: JsonValueKind.Object } fields)
        {
            foreach (var field in fields.EnumerateObject())
            {
                result[field.Name] = JsonNode.Parse(field.Value.GetRawText());
            }
        }

        return PassThrough.Result(JsonSerializer.SerializeToElement(result));
    }
}
