using Blazor.Diagrams;
using Blazor.Diagrams.Core.Models;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Editing;
using FlowDesigner.Model.Validation;
using FlowDesigner.Web.Components.Designer;
using FlowDesigner.Web.Designing;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Position = FlowDesigner.Model.Definitions.Position;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>The designer's edits: adding, deleting, copying and pasting, notes, undo and redo, and their keys.</summary>
public sealed partial class Designer
{
    private PanelInputs? _panelInputs;

    /// <summary>
    /// What the property panel of the node offers to map from and names in scope, worked out once per version of the
    /// workflow: the page renders several times for one edit (the change, then the focus moving on), and each of
    /// these walks every step before the node.
    /// </summary>
    private PanelInputs PanelInputsOf(string nodeId)
    {
        var (definition, run, sample) = (State.Current, State.TestRun.Result?.LatestByNode, State.SamplePayload);
        if (_panelInputs is not { } known || known.NodeId != nodeId || !ReferenceEquals(known.Definition, definition) || !ReferenceEquals(known.Run, run) || known.Sample != sample)
        {
            _panelInputs = known = new PanelInputs(nodeId, definition, run, sample, InScopeOf(nodeId), MappingSources.For(nodeId, definition, Catalog, run, sample));
        }

        return known;
    }

    private sealed record PanelInputs(
        string NodeId, WorkflowDefinition Definition, IReadOnlyDictionary<string, Model.Runs.StepRecord>? Run, string? Sample,
        List<string> InScope, IReadOnlyList<MappingSource> Sources);

    /// <summary>What an expression of the node can read: the fixed names, the loop's item, and the steps before it.</summary>
    private List<string> InScopeOf(string nodeId)
    {
        var definition = State.Current;
        var earlier = new GraphShape(definition.Nodes.Select(n => n.Id), definition.Edges).Upstream(nodeId).Select(id => definition.FindNode(id)!).ToList();
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
        var definition = State.Current;
        Apply(definition with { Nodes = [.. definition.Nodes.Select(n => n.Id == changed.Id ? changed : n)] }, $"Edit {changed.Name}");
        return Task.CompletedTask;
    }

    private Task RenameWorkflowAsync(string? name)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            Apply(State.Current with { Name = name.Trim() }, "Rename");
        }

        return Task.CompletedTask;
    }

    /// <summary>A node clicked in the palette: beside the selected node and linked to it, or at the centre of the view.</summary>
    private async Task AddAsync(NodeTypeDescriptor type)
    {
        await MeasureAsync();
        if (State.Add(type, State.BoxesAfterMove(CanvasMapping.Boxes(_diagram))) is { } refusal)
        {
            Snackbar.Add(refusal, Severity.Warning);
            return;
        }

        ScheduleAutosave();
        Draw();
    }

    private Task DropAsync(DragEventArgs e)
    {
        if (_palette?.Dragged is { } type)
        {
            var point = _diagram.GetRelativeMousePoint(e.ClientX, e.ClientY);
                if (State.AddAt(type, new Position(Math.Round(point.X / Grid) * Grid, Math.Round(point.Y / Grid) * Grid)) is { } refusal)
            {
                Snackbar.Add(refusal, Severity.Warning);
                return Task.CompletedTask;
            }

            ScheduleAutosave();
            Draw();
        }

        return Task.CompletedTask;
    }

    private Task AddNoteAsync()
    {
        var current = State.Current;
        var below = current.Nodes.Select(n => n.Position.Y).Concat(current.Notes.Select(n => n.Position.Y + n.Height)).DefaultIfEmpty(0).Max();
        var (changed, note) = GraphEdits.AddNote(current, new Position(80, below + AutoLayout.RowHeight));
        Apply(changed, "Add note");
        State.Select([note.Id!]);
        Draw();
        return Task.CompletedTask;
    }

    private Task OnNoteTextAsync(string noteId, string text)
    {
        Apply(GraphEdits.EditNote(CanvasMapping.Read(_diagram, State.Current), noteId, text), "Edit note");
        StateHasChanged();
        return Task.CompletedTask;
    }

    private Task DeleteSelectionAsync()
    {
        var links = _diagram.GetSelectedModels().OfType<LinkModel>().ToList();
        var current = CanvasMapping.Read(_diagram, State.Current);
        var withoutLinks = links.Count == 0 ? current : CanvasMapping.Read(WithoutLinks(links), current);
        Apply(GraphEdits.Delete(withoutLinks, CanvasMapping.SelectedIds(_diagram)), "Delete");
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
        State.Undo();
        Draw();
        return Task.CompletedTask;
    }

    private Task RedoAsync()
    {
        State.Redo();
        Draw();
        return Task.CompletedTask;
    }

    private void Copy()
    {
        _clipboard = GraphEdits.Copy(State.Current, CanvasMapping.SelectedIds(_diagram));
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

        var pasted = GraphEdits.Paste(State.Current, Catalog, fragment, 2 * Grid, 2 * Grid);
        Apply(pasted.Definition, "Paste");
        State.Select(pasted.AddedNodeIds);
        Draw();
        foreach (var reason in pasted.LeftOut)
        {
            Snackbar.Add(reason, Severity.Warning);
        }
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        var command = DesignerShortcuts.CommandFor(e);
        if (State.Viewing is not null && !DesignerShortcuts.OnlyLooks(command))
        {
            return; // a published version is only looked at
        }

        switch (command)
        {
            case DesignerCommand.Redo:
                await RedoAsync();
                break;
            case DesignerCommand.Undo:
                await UndoAsync();
                break;
            case DesignerCommand.Save:
                await SaveAsync();
                break;
            case DesignerCommand.Copy:
                Copy();
                break;
            case DesignerCommand.Paste:
                Paste();
                break;
            case DesignerCommand.Duplicate:
                Copy();
                Paste();
                break;
            case DesignerCommand.Delete:
                await DeleteSelectionAsync();
                break;
            case DesignerCommand.SelectAll:
                State.Select([.. State.Current.Nodes.Select(n => n.Id), .. State.Current.Notes.Select(n => n.Id!)]);
                Draw();
                break;
            case DesignerCommand.ZoomIn:
                await ZoomBy(1.2);
                break;
            case DesignerCommand.ZoomOut:
                await ZoomBy(1 / 1.2);
                break;
            case DesignerCommand.Fit:
                await FitAsync();
                break;
            case DesignerCommand.AutoLayout:
                await TidyAsync();
                break;
            case DesignerCommand.Help:
                await ShowShortcutsAsync();
                break;
        }
    }
}
