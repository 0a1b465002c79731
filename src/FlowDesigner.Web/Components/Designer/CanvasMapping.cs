using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Models;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Layout;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Web.Components.Designer;

/// <summary>
/// Puts a workflow on the canvas and reads it back. The workflow is the source of truth: the canvas is drawn from
/// it after every edit that is not a drag on the canvas itself, and read back after those that are.
/// </summary>
public static class CanvasMapping
{
    /// <param name="results">The last test run's step of each node, to show how it did.</param>
    public static void Draw(
        BlazorDiagram diagram, WorkflowDefinition definition, NodeCatalog catalog, IReadOnlyList<ValidationIssue> issues,
        IReadOnlyDictionary<string, StepRecord>? results = null, Func<string, string, Task>? onNoteText = null)
    {
        var selected = diagram.GetSelectedModels().OfType<FlowNodeModel>().Select(n => n.NodeId).ToHashSet();
        diagram.Batch(() =>
        {
            diagram.Links.Clear();
            diagram.Nodes.Clear();
            var nodes = new Dictionary<string, FlowNodeModel>(StringComparer.Ordinal);
            foreach (var node in definition.Nodes)
            {
                var problems = issues.Where(i => i.NodeId == node.Id).Select(i => i.Message).ToList();
                nodes[node.Id] = diagram.Nodes.Add(new FlowNodeModel(node, catalog.FindNodeType(node.Type), problems, results?.GetValueOrDefault(node.Id)));
            }

            for (var i = 0; i < definition.Notes.Count; i++)
            {
                diagram.Nodes.Add(new FlowNoteModel(definition.Notes[i], NoteKey(definition.Notes[i], i), onNoteText ?? ((_, _) => Task.CompletedTask)));
            }

            foreach (var edge in definition.Edges)
            {
                if (nodes.TryGetValue(edge.From, out var from) && nodes.TryGetValue(edge.To, out var to)
                    && from.Outputs.FirstOrDefault(p => p.PortName == edge.Port) is { } port && to.Input is { } input)
                {
                    diagram.Links.Add(new LinkModel(port, input));
                }
            }

            foreach (var id in selected.Where(nodes.ContainsKey))
            {
                diagram.SelectModel(nodes[id], unselectOthers: false);
            }
        });
    }

    /// <summary>The workflow as the canvas shows it now: the nodes still there, where they are, and the links drawn to an input.</summary>
    public static WorkflowDefinition Read(BlazorDiagram diagram, WorkflowDefinition basis)
    {
        var shown = diagram.Nodes.OfType<FlowNodeModel>().ToDictionary(n => n.NodeId, StringComparer.Ordinal);
        var nodes = basis.Nodes
            .Where(n => shown.ContainsKey(n.Id))
            .Select(n => n with { Position = new Position(Math.Round(shown[n.Id].Position.X), Math.Round(shown[n.Id].Position.Y)) });
        var edges = diagram.Links
            .Select(l => (l.Source as SinglePortAnchor)?.Port is FlowPortModel { IsInput: false } from
                && (l.Target as SinglePortAnchor)?.Port is FlowPortModel { IsInput: true } to
                    ? new EdgeDefinition(((FlowNodeModel)from.Parent).NodeId, from.PortName, ((FlowNodeModel)to.Parent).NodeId)
                    : null)
            .OfType<EdgeDefinition>()
            .DistinctBy(e => e.Key);
        var notes = diagram.Nodes.OfType<FlowNoteModel>().ToDictionary(n => n.NoteId, StringComparer.Ordinal);
        var keptNotes = basis.Notes
            .Select((note, i) => (note, key: NoteKey(note, i)))
            .Where(n => notes.ContainsKey(n.key))
            .Select(n => n.note with { Position = new Position(Math.Round(notes[n.key].Position.X), Math.Round(notes[n.key].Position.Y)) });
        return basis with { Nodes = [.. nodes], Edges = [.. edges], Notes = [.. keptNotes] };
    }

    /// <summary>A note's id, or one derived from its place for a note written without one (in an imported file).</summary>
    public static string NoteKey(NoteDefinition note, int index) => note.Id ?? $"note-{index}";

    /// <summary>Selects exactly the nodes and notes with these ids.</summary>
    public static void Select(BlazorDiagram diagram, IReadOnlyCollection<string> ids)
    {
        foreach (var model in diagram.Nodes)
        {
            var wanted = IdOf(model) is { } id && ids.Contains(id);
            if (wanted != model.Selected)
            {
                if (wanted)
                {
                    diagram.SelectModel(model, unselectOthers: false);
                }
                else
                {
                    diagram.UnselectModel(model);
                }
            }
        }
    }

    /// <summary>The ids of the selected nodes and notes.</summary>
    public static IReadOnlyList<string> SelectedIds(BlazorDiagram diagram) =>
        [.. diagram.GetSelectedModels().OfType<NodeModel>().Select(IdOf).OfType<string>()];

    /// <summary>The workflow's id of a node or note on the canvas.</summary>
    private static string? IdOf(NodeModel model) => model switch
    {
        FlowNodeModel node => node.NodeId,
        FlowNoteModel note => note.NoteId,
        _ => null,
    };

    /// <summary>Where each node and note the browser has measured lies, by id.</summary>
    public static IReadOnlyDictionary<string, Box> Boxes(BlazorDiagram diagram)
    {
        var boxes = new Dictionary<string, Box>(StringComparer.Ordinal);
        foreach (var model in diagram.Nodes.Where(n => n.Size is { Width: > 0 }))
        {
            if (IdOf(model) is { } id)
            {
                boxes[id] = new Box(model.Position.X, model.Position.Y, model.Size!.Width, model.Size.Height);
            }
        }

        return boxes;
    }
}
