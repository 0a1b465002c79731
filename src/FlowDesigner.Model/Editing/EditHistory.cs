using FlowDesigner.Model.Definitions;

namespace FlowDesigner.Model.Editing;

/// <summary>
/// Every version of the workflow the designer has shown, for undo and redo. Definitions are immutable, so a version
/// is kept whole; an edit after an undo drops what could have been redone.
/// </summary>
public sealed class EditHistory(WorkflowDefinition initial, int depth = 200)
{
    private readonly List<(WorkflowDefinition Definition, string What)> _done = [(initial, "")];
    private readonly Stack<(WorkflowDefinition Definition, string What)> _undone = new();

    public WorkflowDefinition Current => _done[^1].Definition;

    public bool CanUndo => _done.Count > 1;

    public bool CanRedo => _undone.Count > 0;

    /// <summary>What undo would take back ("Add HTTP request"), for the button's tooltip.</summary>
    public string? UndoLabel => CanUndo ? _done[^1].What : null;

    public string? RedoLabel => CanRedo ? _undone.Peek().What : null;

    /// <summary>Records an edit; an edit that changes nothing is not recorded.</summary>
    public WorkflowDefinition Apply(WorkflowDefinition changed, string what)
    {
        if (Same(changed, Current))
        {
            return Current;
        }

        _done.Add((changed, what));
        _undone.Clear();
        if (_done.Count > depth + 1)
        {
            _done.RemoveAt(0);
        }

        return changed;
    }

    /// <summary>
    /// Whether two versions read the same once written out. An edit changes a node or two of many and keeps the
    /// others as they were, so only the nodes that are not the very same object are written out to compare.
    /// </summary>
    private static bool Same(WorkflowDefinition a, WorkflowDefinition b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Nodes.Count != b.Nodes.Count || !a.Edges.SequenceEqual(b.Edges) || !a.Notes.SequenceEqual(b.Notes)
            || Written(a with { Nodes = [], Edges = [], Notes = [] }) != Written(b with { Nodes = [], Edges = [], Notes = [] }))
        {
            return false;
        }

        return a.Nodes.Zip(b.Nodes).All(p => ReferenceEquals(p.First, p.Second)
            || Written(new WorkflowDefinition { Nodes = [p.First] }) == Written(new WorkflowDefinition { Nodes = [p.Second] }));
    }

    private static string Written(WorkflowDefinition definition) => WorkflowDefinitionJson.Serialize(definition);

    public WorkflowDefinition Undo()
    {
        if (CanUndo)
        {
            _undone.Push(_done[^1]);
            _done.RemoveAt(_done.Count - 1);
        }

        return Current;
    }

    public WorkflowDefinition Redo()
    {
        if (CanRedo)
        {
            _done.Add(_undone.Pop());
        }

        return Current;
    }
}
