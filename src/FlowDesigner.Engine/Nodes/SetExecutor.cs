using System.Buffers;
using System.Text.Json;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Engine.Nodes;

/// <summary>core.set: builds an object from its fields, each already resolved from expressions.</summary>
internal sealed class SetExecutor : ICoreNodeExecutor
{
    public string NodeType => "core.set";

    public Task<NodeResult> ExecuteAsync(CoreNodeContext context, CancellationToken cancellationToken)
    {
        var fields = context.Step.GetConfig("fields") is { ValueKind: JsonValueKind.Object } f ? f : default;
        var input = context.Step.GetConfig("keepInput") is { ValueKind: JsonValueKind.True } && context.Step.Input.ValueKind == JsonValueKind.Object
            ? context.Step.Input
            : default;
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
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

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return PassThrough.Result(JsonElement.ParseValue(ref reader));
    }
}
