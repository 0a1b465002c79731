using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Model.Editing;

/// <summary>
/// The designer's edits as pure functions: each takes the workflow as it is and returns it as it becomes, so the
/// canvas can keep every version for undo and redo, and the same edit always has the same effect.
/// </summary>
public static class GraphEdits
{
    /// <summary>A new node of the type, with its defaults, a free id and a name no other node has.</summary>
    public static (WorkflowDefinition Definition, NodeDefinition Added) AddNode(WorkflowDefinition definition, NodeTypeDescriptor type, Position position)
    {
        var node = type.CreateNode(NodeNaming.NextId(NodeNaming.Ids(definition)), NodeNaming.UniqueName(type.DisplayName, NodeNaming.Names(definition)), position);
        return (definition with { Nodes = [.. definition.Nodes, node] }, node);
    }

    /// <summary>A new sticky note, with an id of its own, for the analyst to write on.</summary>
    public static (WorkflowDefinition Definition, NoteDefinition Added) AddNote(WorkflowDefinition definition, Position position, string text = "")
    {
        var note = new NoteDefinition(text) { Id = $"note-{Guid.NewGuid():N}", Position = position };
        return (definition with { Notes = [.. definition.Notes, note] }, note);
    }

    /// <summary>The note with this id, with new text.</summary>
    public static WorkflowDefinition EditNote(WorkflowDefinition definition, string noteId, string text) => definition with
    {
        Notes = [.. definition.Notes.Select(n => n.Id == noteId ? n with { Text = text } : n)],
    };

    /// <summary>Moves nodes (and notes) by an offset; with a grid, each lands on the nearest grid point.</summary>
    public static WorkflowDefinition Move(WorkflowDefinition definition, IReadOnlyCollection<string> ids, double dx, double dy, double grid = 0) => definition with
    {
        Nodes = [.. definition.Nodes.Select(n => ids.Contains(n.Id) ? n with { Position = Shift(n.Position, dx, dy, grid) } : n)],
        Notes = [.. definition.Notes.Select(n => n.Id is { } id && ids.Contains(id) ? n with { Position = Shift(n.Position, dx, dy, grid) } : n)],
    };

    /// <summary>Adds a link the rules allow; otherwise the workflow is returned unchanged with the reason.</summary>
    public static (WorkflowDefinition Definition, string? Problem) Link(WorkflowDefinition definition, NodeCatalog catalog, EdgeDefinition link) =>
        LinkRules.Problem(definition, catalog, link) is { } problem
            ? (definition, problem)
            : (definition with { Edges = [.. definition.Edges, link] }, null);

    /// <summary>Removes nodes with every link that touches them, links by key, and notes by id.</summary>
    public static WorkflowDefinition Delete(WorkflowDefinition definition, IReadOnlyCollection<string> ids, IReadOnlyCollection<string>? edgeKeys = null) => definition with
    {
        Nodes = [.. definition.Nodes.Where(n => !ids.Contains(n.Id))],
        Edges = [.. definition.Edges.Where(e => !ids.Contains(e.From) && !ids.Contains(e.To) && edgeKeys?.Contains(e.Key) != true)],
        Notes = [.. definition.Notes.Where(n => n.Id is null || !ids.Contains(n.Id))],
    };

    /// <summary>The nodes and notes with these ids, and the links that run between two of them.</summary>
    public static GraphFragment Copy(WorkflowDefinition definition, IReadOnlyCollection<string> ids) => new(
        [.. definition.Nodes.Where(n => ids.Contains(n.Id))],
        [.. definition.Edges.Where(e => ids.Contains(e.From) && ids.Contains(e.To))],
        [.. definition.Notes.Where(n => n.Id is { } id && ids.Contains(id))]);

    /// <summary>
    /// Adds a copy of the fragment, moved by the offset, under new ids and free names, with its inner links. A
    /// trigger is left out when the workflow already has one (a workflow starts one way).
    /// </summary>
    public static PasteResult Paste(WorkflowDefinition definition, NodeCatalog catalog, GraphFragment fragment, double dx, double dy)
    {
        var hasTrigger = definition.Nodes.Any(n => catalog.FindNodeType(n.Type)?.Kind == NodeKind.Trigger);
        var ids = NodeNaming.Ids(definition).ToList();
        var names = NodeNaming.Names(definition).ToList();
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodes = new List<NodeDefinition>();
        var leftOut = new List<string>();
        foreach (var node in fragment.Nodes)
        {
            if (catalog.FindNodeType(node.Type)?.Kind == NodeKind.Trigger && (hasTrigger || nodes.Any(n => catalog.FindNodeType(n.Type)?.Kind == NodeKind.Trigger)))
            {
                leftOut.Add($"'{node.Name}' was not pasted: the workflow already has a trigger.");
                continue;
            }

            var copy = node with { Id = NodeNaming.NextId(ids), Name = NodeNaming.UniqueName(node.Name, names), Position = Shift(node.Position, dx, dy, 0) };
            ids.Add(copy.Id);
            names.Add(copy.Name);
            renamed[node.Id] = copy.Id;
            nodes.Add(copy);
        }

        var edges = fragment.Edges
            .Where(e => renamed.ContainsKey(e.From) && renamed.ContainsKey(e.To))
            .Select(e => new EdgeDefinition(renamed[e.From], e.Port, renamed[e.To]));
        var notes = fragment.Notes.Select(n => n with { Id = $"note-{Guid.NewGuid():N}", Position = Shift(n.Position, dx, dy, 0) });
        var pasted = definition with
        {
            Nodes = [.. definition.Nodes, .. nodes],
            Edges = [.. definition.Edges, .. edges],
            Notes = [.. definition.Notes, .. notes],
        };
        return new PasteResult(pasted, [.. nodes.Select(n => n.Id)], leftOut);
    }

    private static Position Shift(Position position, double dx, double dy, double grid)
    {
        var (x, y) = (position.X + dx, position.Y + dy);
        return grid > 0 ? new Position(Math.Round(x / grid) * grid, Math.Round(y / grid) * grid) : new Position(x, y);
    }
}
