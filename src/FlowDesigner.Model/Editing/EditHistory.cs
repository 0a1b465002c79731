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
        if (WorkflowDefinitionJson.Serialize(changed) == WorkflowDefinitionJson.Serialize(Current))
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
