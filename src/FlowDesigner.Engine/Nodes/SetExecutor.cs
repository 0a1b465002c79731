using System.Text.Json;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Engine.Nodes;

/// <summary>core.set: builds an object from its fields, each already resolved from expressions.</summary>
internal sealed class SetExecutor : ICoreNodeExecutor
{
    public string NodeType => CoreNodeTypes.Set;

    public Task<NodeResult> ExecuteAsync(CoreNodeContext context, CancellationToken cancellationToken)
    {
        var fields = context.Step.GetConfig("fields") is { ValueKind: JsonValueKind.Object } f ? f : default;
        var input = context.Step.GetConfig("keepInput") is { ValueKind: JsonValueKind.True } && context.Step.Input.ValueKind == JsonValueKind.Object
            ? context.Step.Input
            : default;
        return PassThrough.Result(WrittenJson.Element((fields, input), Write));
    }

    private static void Write(Utf8JsonWriter writer, (JsonElement Fields, JsonElement Input) set)
    {
        var (fields, input) = set;
        writer.WriteStartObject();
        if (input.ValueKind == JsonValueKind.Object)
        {
            // The input's properties keep their places; a field of the same name takes its value.
            foreach (var property in input.EnumerateObject())
            {
                writer.WritePropertyName(property.Name);
                (fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty(property.Name, out var field) ? field : property.Value).WriteTo(writer);
            }
        }

        if (fields.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in fields.EnumerateObject())
            {
                if (input.ValueKind != JsonValueKind.Object || !input.TryGetProperty(field.Name, out _))
                {
                    field.WriteTo(writer);
                }
            }
        }

        writer.WriteEndObject();
    }
}
