using System.Text.Json;

namespace FlowDesigner.Engine.Expressions;

/// <summary>What an expression can see: the trigger's payload, earlier steps' outputs, the loop item, the run.</summary>
/// <param name="Steps">Outputs of finished steps, by node name and by node id.</param>
/// <param name="Run">Run id, workflow id, version and start time.</param>
/// <param name="Env">The settings an administrator allowed expressions to read.</param>
public sealed record ExpressionScope(
    JsonElement Trigger,
    IReadOnlyDictionary<string, JsonElement> Steps,
    JsonElement Run,
    IReadOnlyDictionary<string, string> Env)
{
    public JsonElement? Item { get; init; }

    public int? Index { get; init; }

    /// <summary>The output the step receives (its predecessor's), visible as <c>input</c>.</summary>
    public JsonElement? Input { get; init; }
}
