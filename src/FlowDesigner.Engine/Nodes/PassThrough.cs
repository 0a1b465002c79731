using System.Text.Json;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Engine.Nodes;

internal static class PassThrough
{
    public static bool IsTrue(JsonElement? value) => value switch
    {
        null => false,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.String } v => v.GetString() is { Length: > 0 } s && !s.Equals("false", StringComparison.OrdinalIgnoreCase) && s != "0",
        { ValueKind: JsonValueKind.Number } v => v.GetDouble() != 0,
        { ValueKind: JsonValueKind.Object or JsonValueKind.Array } => true,
        _ => false,
    };

    public static Task<NodeResult> Result(JsonElement output, string port = "out") => Task.FromResult(new NodeResult(output, port));
}
