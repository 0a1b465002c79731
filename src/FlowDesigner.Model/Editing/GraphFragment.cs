using FlowDesigner.Model.Definitions;

namespace FlowDesigner.Model.Editing;

/// <summary>What was copied: some nodes with the links between them, and notes.</summary>
public sealed record GraphFragment(IReadOnlyList<NodeDefinition> Nodes, IReadOnlyList<EdgeDefinition> Edges, IReadOnlyList<NoteDefinition> Notes)
{
    public bool IsEmpty => Nodes.Count == 0 && Notes.Count == 0;
}
