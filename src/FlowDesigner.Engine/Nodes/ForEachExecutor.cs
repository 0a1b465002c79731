using System.Text.Json;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Engine.Nodes;

/// <summary>core.for-each: hands the list to the engine, which runs the 'each' branch once per item.</summary>
internal sealed class ForEachExecutor : ICoreNodeExecutor
{
    public string NodeType => CoreNodeTypes.ForEach;

    public Task<NodeResult> ExecuteAsync(CoreNodeContext context, CancellationToken cancellationToken)
    {
        var items = context.Step.GetConfig("items");
        if (items is not { ValueKind: JsonValueKind.Array })
        {
            throw new StepFailedException(
                $"'{context.Step.NodeName}': Items must be a list, but it is {Describe(items)}. Point it at an array, such as {{{{ trigger.body.order.items }}}}.",
                retryable: false);
        }

        var parallelism = (int)Math.Clamp(context.Step.GetNumber("parallelism", 4), 1, 64);
        return Task.FromResult(NodeResult.Of(new { items = items.Value, parallelism }, "each"));
    }

    private static string Describe(JsonElement? value) => value?.ValueKind switch
    {
        null or JsonValueKind.Null or JsonValueKind.Undefined => "empty",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "text",
        var kind => kind.ToString()!.ToLowerInvariant(),
    };
}
