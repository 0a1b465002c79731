namespace FlowDesigner.Model.Definitions;

/// <summary>
/// A workflow as the designer draws it and the engine runs it: nodes, the edges between their ports, and notes.
/// Immutable; change it with <c>with</c>. Its JSON form is read and written by <see cref="WorkflowDefinitionJson"/>.
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>The version of the JSON schema this definition is written in.</summary>
    public const int CurrentSchema = 1;

    public int Schema { get; init; } = CurrentSchema;

    public string Name { get; init; } = "";

    public IReadOnlyList<NodeDefinition> Nodes { get; init; } = [];

    public IReadOnlyList<EdgeDefinition> Edges { get; init; } = [];

    public IReadOnlyList<NoteDefinition> Notes { get; init; } = [];

    public static WorkflowDefinition Empty(string name) => new() { Name = name };

    public NodeDefinition? FindNode(string id) => Nodes.FirstOrDefault(n => n.Id == id);
}
