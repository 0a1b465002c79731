using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
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
    /// <summary>
    /// Makes the canvas show the workflow. Nodes, notes and links already drawn are kept and updated in place; only
    /// what was added, removed or changed is drawn, so a rename renders one card, not the whole canvas.
    /// </summary>
    /// <param name="results">The last test run's step of each node, to show how it did.</param>
    public static void Draw(
        BlazorDiagram diagram, WorkflowDefinition definition, NodeCatalog catalog, IReadOnlyList<ValidationIssue> issues,
        IReadOnlyDictionary<string, StepRecord>? results = null, Func<string, string, Task>? onNoteText = null)
    {
        var selected = diagram.GetSelectedModels().OfType<FlowNodeModel>().Select(n => n.NodeId).ToHashSet();
        var problems = issues.Where(i => i.NodeId is not null).ToLookup(i => i.NodeId!, i => i.Message);
        var drawn = diagram.Nodes.OfType<FlowNodeModel>().ToDictionary(n => n.NodeId, StringComparer.Ordinal);
        var nodes = new Dictionary<string, FlowNodeModel>(StringComparer.Ordinal);
        var added = new List<FlowNodeModel>();
        var replaced = new List<FlowNodeModel>();
        foreach (var node in definition.Nodes)
        {
            var type = catalog.FindNodeType(node.Type);
            var nodeProblems = problems[node.Id].ToList();
            var result = results?.GetValueOrDefault(node.Id);
            if (drawn.Remove(node.Id, out var shown) && shown.Shape == FlowNodeModel.ShapeOf(node, type))
            {
                shown.Update(node, type, nodeProblems, result); // renders its card only, if it changed
                nodes[node.Id] = shown;
                continue;
            }

            if (shown is not null)
            {
                replaced.Add(shown); // its ports changed: drawn anew, with its links
            }

            added.Add(nodes[node.Id] = new FlowNodeModel(node, type, nodeProblems, result));
        }

        replaced.AddRange(drawn.Values);
        var notes = NotesToDraw(diagram, definition, onNoteText);
        var (unwantedLinks, newLinks) = LinksToDraw(diagram, definition, nodes);
        if (added.Count + replaced.Count + unwantedLinks.Count + newLinks.Count > 0 || notes is not null)
        {
            // Only a change of what is on the canvas draws the canvas again; an update of cards in place does not.
            diagram.Batch(() =>
            {
                diagram.Nodes.Remove(replaced);
                diagram.Nodes.Add(added);
                if (notes is not null)
                {
                    diagram.Nodes.Remove(diagram.Nodes.OfType<FlowNoteModel>().ToList());
                    diagram.Nodes.Add(notes);
                }

                diagram.Links.Remove(unwantedLinks);
                diagram.Links.Add(newLinks);
            });
        }

        foreach (var id in selected.Where(nodes.ContainsKey).Where(id => !nodes[id].Selected))
        {
            diagram.SelectModel(nodes[id], unselectOthers: false);
        }
    }

    /// <summary>Notes are few: they are drawn again, all of them, only when one of them changed; null when none did.</summary>
    private static List<FlowNoteModel>? NotesToDraw(BlazorDiagram diagram, WorkflowDefinition definition, Func<string, string, Task>? onNoteText)
    {
        var shown = diagram.Nodes.OfType<FlowNoteModel>().ToList();
        var wanted = definition.Notes.Select((note, i) => (note, key: NoteKey(note, i))).ToList();
        if (shown.Count == wanted.Count && shown.Zip(wanted).All(p => p.First.NoteId == p.Second.key && p.First.Text == p.Second.note.Text
            && p.First.Position.X == p.Second.note.Position.X && p.First.Position.Y == p.Second.note.Position.Y))
        {
            return null;
        }

        return [.. wanted.Select(w => new FlowNoteModel(w.note, w.key, onNoteText ?? ((_, _) => Task.CompletedTask)))];
    }

    /// <summary>The links to take away (their edge is gone, or a node they join was replaced) and the links to add.</summary>
    private static (List<BaseLinkModel> Unwanted, List<LinkModel> New) LinksToDraw(
        BlazorDiagram diagram, WorkflowDefinition definition, Dictionary<string, FlowNodeModel> nodes)
    {
        var wanted = definition.Edges.Where(e => nodes.ContainsKey(e.From) && nodes.ContainsKey(e.To)).DistinctBy(e => e.Key).ToDictionary(e => e.Key);
        var unwanted = new List<BaseLinkModel>();
        foreach (var link in diagram.Links)
        {
            // A link stays when it stands for a wanted edge between the nodes drawn now (not ones being replaced).
            if (EdgeOf(link) is not { } edge || !Joins(link, nodes.GetValueOrDefault(edge.From), nodes.GetValueOrDefault(edge.To)) || !wanted.Remove(edge.Key))
            {
                unwanted.Add(link);
            }
        }

        var added = new List<LinkModel>();
        foreach (var edge in wanted.Values)
        {
            if (nodes[edge.From].Outputs.FirstOrDefault(p => p.PortName == edge.Port) is { } port && nodes[edge.To].Input is { } input)
            {
                added.Add(new LinkModel(port, input));
            }
        }

        return (unwanted, added);
    }

    private static bool Joins(BaseLinkModel link, FlowNodeModel? from, FlowNodeModel? to) =>
        from is not null && to is not null
        && ReferenceEquals((link.Source as SinglePortAnchor)?.Port.Parent, from) && ReferenceEquals((link.Target as SinglePortAnchor)?.Port.Parent, to);

    /// <summary>The edge a link on the canvas stands for, if it joins an output to an input.</summary>
    private static EdgeDefinition? EdgeOf(BaseLinkModel link) =>
        (link.Source as SinglePortAnchor)?.Port is FlowPortModel { IsInput: false } from
        && (link.Target as SinglePortAnchor)?.Port is FlowPortModel { IsInput: true } to
            ? new EdgeDefinition(((FlowNodeModel)from.Parent).NodeId, from.PortName, ((FlowNodeModel)to.Parent).NodeId)
            : null;

    /// <summary>The workflow as the canvas shows it now: the nodes still there, where they are, and the links drawn to an input.</summary>
    public static WorkflowDefinition Read(BlazorDiagram diagram, WorkflowDefinition basis)
    {
        var shown = diagram.Nodes.OfType<FlowNodeModel>().ToDictionary(n => n.NodeId, StringComparer.Ordinal);
        var nodes = basis.Nodes
            .Where(n => shown.ContainsKey(n.Id))
            .Select(n => n with { Position = new Position(Math.Round(shown[n.Id].Position.X), Math.Round(shown[n.Id].Position.Y)) });
        var edges = diagram.Links.Select(EdgeOf).OfType<EdgeDefinition>().DistinctBy(e => e.Key);
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
