using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Editing;

namespace FlowDesigner.Model.Layout;

/// <summary>
/// Where a node added from the palette lands, so that it lands in view and, where it can, already linked: to the right
/// of the selected node, linked from its first output port that has no link yet (in the descriptor's order); below it,
/// unlinked, when every port has one; at the centre of the view when nothing is selected. It never covers a node.
/// </summary>
public static class NodePlacement
{
    private const double Grid = 20;
    private const double Gap = 40;

    /// <param name="boxes">Where each node's card lies now (measured by the browser, or <see cref="CardSize"/>'s estimate).</param>
    /// <param name="visible">The part of the workflow the canvas shows.</param>
    public static PlacedNode Add(
        WorkflowDefinition definition, NodeCatalog catalog, NodeTypeDescriptor type, string? selectedId,
        IReadOnlyDictionary<string, Box> boxes, Box visible)
    {
        var height = CardSize.HeightFor(type.OutputPorts.Count);
        var selected = selectedId is null ? null : definition.FindNode(selectedId);
        if (selected is null || !boxes.TryGetValue(selected.Id, out var beside))
        {
            var centre = new Box(Snap(visible.CentreX - (CardSize.Width / 2)), Snap(visible.CentreY - (height / 2)), CardSize.Width, height);
            return AddAt(definition, catalog, type, Free(centre, boxes.Values), null);
        }

        var freePort = type.HasInput
            ? catalog.FindNodeType(selected.Type)?.PortsOf(selected)
                .FirstOrDefault(p => !definition.Edges.Any(e => e.From == selected.Id && e.Port == p.Name))
            : null;
        if (freePort is null)
        {
            var below = new Box(beside.X, Snap(beside.Bottom + Gap), CardSize.Width, height);
            return AddAt(definition, catalog, type, Free(below, boxes.Values), null);
        }

        var right = new Box(beside.X + AutoLayout.ColumnWidth, beside.Y, CardSize.Width, height);
        return AddAt(definition, catalog, type, Free(right, boxes.Values), (selected.Id, freePort.Name));
    }

    private static PlacedNode AddAt(WorkflowDefinition definition, NodeCatalog catalog, NodeTypeDescriptor type, Box box, (string From, string Port)? link)
    {
        var (added, node) = GraphEdits.AddNode(definition, type, new Position(box.X, box.Y));
        if (link is not { } from)
        {
            return new PlacedNode(added, node, box, null);
        }

        var edge = new EdgeDefinition(from.From, from.Port, node.Id);
        var (linked, problem) = GraphEdits.Link(added, catalog, edge);
        return problem is null ? new PlacedNode(linked, node, box, edge) : new PlacedNode(added, node, box, null);
    }

    /// <summary>The box, moved down a grid step at a time until it covers no other card (with a gap around it).</summary>
    private static Box Free(Box wanted, IEnumerable<Box> taken)
    {
        var others = taken.ToList();
        var box = wanted;
        for (var step = 0; step < 500 && others.Any(o => o.Inflate(Grid - 1).Overlaps(box)); step++)
        {
            box = box with { Y = box.Y + Grid };
        }

        return box;
    }

    private static double Snap(double value) => Math.Round(value / Grid) * Grid;
}
