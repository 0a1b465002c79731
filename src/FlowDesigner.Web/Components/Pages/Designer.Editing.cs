using Blazor.Diagrams;
using Blazor.Diagrams.Core.Models;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Editing;
using FlowDesigner.Model.Validation;
using FlowDesigner.Web.Components.Designer;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Position = FlowDesigner.Model.Definitions.Position;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>The designer's edits: adding, selecting, deleting, copying and pasting, notes, undo and redo, zoom, and their keys.</summary>
public sealed partial class Designer
{
    /// <summary>The one node selected, whose settings the panel shows.</summary>
    private NodeDefinition? SelectedNode =>
        _diagram.GetSelectedModels().OfType<FlowNodeModel>().ToList() is [var only] ? _history!.Current.FindNode(only.NodeId) : null;

    /// <summary>What an expression of the node can read: the fixed names, the loop's item, and the steps before it.</summary>
    private List<string> InScopeOf(string nodeId)
    {
        var definition = _history!.Current;
        var reversed = new GraphShape(definition.Nodes.Select(n => n.Id), definition.Edges.Select(e => new EdgeDefinition(e.To, e.Port, e.From)));
        var earlier = reversed.ReachableFrom([nodeId]).Where(id => id != nodeId).Select(id => definition.FindNode(id)!).ToList();
        var names = new List<string> { "trigger", "input", "run", "env" };
        if (definition.Edges.Any(e => e.Port == PortDescriptor.Each.Name && earlier.Any(n => n.Id == e.From)))
        {
            names.AddRange(["item", "index"]);
        }

        names.AddRange(earlier.Where(n => Catalog.FindNodeType(n.Type)?.Kind != NodeKind.Trigger).Select(n => $"steps['{n.Name}']"));
        return names;
    }

    private Task OnNodeChangedAsync(NodeDefinition changed)
    {
        var definition = _history!.Current;
        Apply(definition with { Nodes = [.. definition.Nodes.Select(n => n.Id == changed.Id ? changed : n)] }, $"Edit {changed.Name}");
        return Task.CompletedTask;
    }

    private Task RenameWorkflowAsync(string? name)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            Apply(_history!.Current with { Name = name.Trim() }, "Rename");
        }

        return Task.CompletedTask;
    }

    private Task AddAsync(NodeTypeDescriptor type)
    {
        var nodes = _history!.Current.Nodes;
        var position = nodes.Count == 0
            ? new Position(80, 80)
            : new Position(nodes.Max(n => n.Position.X) + AutoLayout.ColumnWidth, nodes.MaxBy(n => n.Position.X)!.Position.Y);
        Add(type, position);
        return Task.CompletedTask;
    }

    private Task DropAsync(DragEventArgs e)
    {
        if (_palette?.Dragged is { } type)
        {
            var point = _diagram.GetRelativeMousePoint(e.ClientX, e.ClientY);
            Add(type, new Position(Math.Round(point.X / Grid) * Grid, Math.Round(point.Y / Grid) * Grid));
        }

        return Task.CompletedTask;
    }

    private void Add(NodeTypeDescriptor type, Position position)
    {
        if (type.Kind == NodeKind.Trigger && _history!.Current.Nodes.Any(n => Catalog.FindNodeType(n.Type)?.Kind == NodeKind.Trigger))
        {
            Snackbar.Add("This workflow already has a trigger: a workflow starts one way. Delete the other trigger first.", Severity.Warning);
            return;
        }

        var (changed, added) = GraphEdits.AddNode(_history!.Current, type, position);
        Apply(changed, $"Add {added.Name}");
        Select(added.Id);
    }

    private void Select(string? nodeId)
    {
        _diagram.UnselectAll();
        if (_diagram.Nodes.OfType<FlowNodeModel>().FirstOrDefault(n => n.NodeId == nodeId) is { } node)
        {
            _diagram.SelectModel(node, unselectOthers: true);
        }
    }

    /// <summary>The ids of the selected nodes and notes.</summary>
    private IReadOnlyList<string> SelectedNodeIds() =>
    [
        .. _diagram.GetSelectedModels().OfType<FlowNodeModel>().Select(n => n.NodeId),
        .. _diagram.GetSelectedModels().OfType<FlowNoteModel>().Select(n => n.NoteId),
    ];

    private Task AddNoteAsync()
    {
        var current = _history!.Current;
        var below = current.Nodes.Select(n => n.Position.Y).Concat(current.Notes.Select(n => n.Position.Y + n.Height)).DefaultIfEmpty(0).Max();
        var (changed, note) = GraphEdits.AddNote(current, new Position(80, below + (2 * AutoLayout.RowHeight / 2)));
        Apply(changed, "Add note");
        if (_diagram.Nodes.OfType<FlowNoteModel>().FirstOrDefault(n => n.NoteId == note.Id) is { } added)
        {
            _diagram.SelectModel(added, unselectOthers: true);
        }

        return Task.CompletedTask;
    }

    private Task OnNoteTextAsync(string noteId, string text)
    {
        Apply(GraphEdits.EditNote(CanvasMapping.Read(_diagram, _history!.Current), noteId, text), "Edit note");
        StateHasChanged();
        return Task.CompletedTask;
    }

    private Task DeleteSelectionAsync()
    {
        var links = _diagram.GetSelectedModels().OfType<LinkModel>().ToList();
        var current = CanvasMapping.Read(_diagram, _history!.Current);
        var withoutLinks = links.Count == 0 ? current : CanvasMapping.Read(WithoutLinks(links), current);
        Apply(GraphEdits.Delete(withoutLinks, SelectedNodeIds()), "Delete");
        return Task.CompletedTask;
    }

    private BlazorDiagram WithoutLinks(IReadOnlyList<LinkModel> links)
    {
        _drawing = true;
        try
        {
            _diagram.Links.Remove(links);
            return _diagram;
        }
        finally
        {
            _drawing = false;
        }
    }

    private Task UndoAsync()
    {
        if (_viewing is not null)
        {
            return Task.CompletedTask;
        }

        _history!.Undo();
        Draw();
        return Task.CompletedTask;
    }

    private Task RedoAsync()
    {
        if (_viewing is not null)
        {
            return Task.CompletedTask;
        }

        _history!.Redo();
        Draw();
        return Task.CompletedTask;
    }

    private Task TidyAsync()
    {
        Apply(AutoLayout.Tidy(_history!.Current, new Position(80, 80)), "Auto-layout");
        _fitPending = true;
        return Task.CompletedTask;
    }

    private Task FitAsync() => FitWhenMeasuredAsync();

    private void ZoomBy(double factor) => _diagram.SetZoom(Math.Clamp(_diagram.Zoom * factor, 0.2, 2));

    private void Copy()
    {
        _clipboard = GraphEdits.Copy(_history!.Current, SelectedNodeIds());
        if (!_clipboard.IsEmpty)
        {
            Snackbar.Add($"Copied {_clipboard.Nodes.Count} node(s)", Severity.Info);
        }
    }

    private void Paste()
    {
        if (_clipboard is not { IsEmpty: false } fragment)
        {
            return;
        }

        var pasted = GraphEdits.Paste(_history!.Current, Catalog, fragment, 2 * Grid, 2 * Grid);
        Apply(pasted.Definition, "Paste");
        foreach (var reason in pasted.LeftOut)
        {
            Snackbar.Add(reason, Severity.Warning);
        }

        _diagram.UnselectAll();
        foreach (var node in _diagram.Nodes.OfType<FlowNodeModel>().Where(n => pasted.AddedNodeIds.Contains(n.NodeId)))
        {
            _diagram.SelectModel(node, unselectOthers: false);
        }
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        var command = e.CtrlKey || e.MetaKey;
        if (_viewing is not null && e.Key is not ("?" or "+" or "=" or "-"))
        {
            return; // a published version is only looked at
        }

        switch (e.Key.ToLowerInvariant())
        {
            case "z" when command && e.ShiftKey:
            case "y" when command:
                await RedoAsync();
                break;
            case "z" when command:
                await UndoAsync();
                break;
            case "s" when command:
                await SaveAsync();
                break;
            case "c" when command:
                Copy();
                break;
            case "v" when command:
                Paste();
                break;
            case "d" when command:
                Copy();
                Paste();
                break;
            case "delete" or "backspace":
                await DeleteSelectionAsync();
                break;
            case "a" when command:
                foreach (var node in _diagram.Nodes)
                {
                    _diagram.SelectModel(node, unselectOthers: false);
                }

                break;
            case "+" or "=":
                ZoomBy(1.2);
                break;
            case "-":
                ZoomBy(1 / 1.2);
                break;
            case "?":
                await ShowShortcutsAsync();
                break;
        }
    }
}
