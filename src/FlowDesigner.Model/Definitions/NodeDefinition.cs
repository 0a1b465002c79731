using System.Text.Json;

namespace FlowDesigner.Model.Definitions;

/// <summary>One node of a workflow: an instance of a node type with its configuration.</summary>
/// <param name="Id">Unique within the workflow; edges and expressions (<c>steps.n2</c>) refer to it.</param>
/// <param name="Type">The node type key, <c>connector.operation</c> (<c>core.webhook</c>).</param>
/// <param name="Name">The name an analyst gave it; unique within the workflow (<c>steps["Name"]</c>).</param>
public sealed record NodeDefinition(string Id, string Type, string Name)
{
    public Position Position { get; init; } = Position.Origin;

    /// <summary>Property values by property name, as JSON; a text value may hold <c>{{ expressions }}</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement> Config { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>The id of the stored credential this node authenticates with, if its type needs one.</summary>
    public string? Credential { get; init; }

    /// <summary>Overrides the node type's retry defaults when set.</summary>
    public RetryPolicy? Retry { get; init; }

    /// <summary>Overrides the node type's timeout when set.</summary>
    public int? TimeoutSeconds { get; init; }

    public JsonElement? GetConfig(string property) =>
        Config.TryGetValue(property, out var value) ? value : null;
}
