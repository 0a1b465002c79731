using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Model.Editing;

/// <summary>
/// Tidies a workflow left to right: each node goes one column after the furthest of the nodes that link to it, and
/// within a column nodes keep the order of what feeds them, so branches stay side by side. Notes stay where they are.
/// </summary>
public static class AutoLayout
{
    public const double ColumnWidth = 280;
    public const double RowHeight = 140;

    public static WorkflowDefinition Tidy(WorkflowDefinition definition, Position origin)
    {
        var shape = new GraphShape(definition.Nodes.Select(n => n.Id), definition.Edges);
        var columns = Columns(definition, shape);
        var rows = new Dictionary<string, double>(StringComparer.Ordinal);
        var placed = new Dictionary<string, Position>(StringComparer.Ordinal);
        var order = definition.Nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        foreach (var column in columns.GroupBy(c => c.Value).OrderBy(g => g.Key))
        {
            // Ordered by where their inputs sit (then by their order in the workflow), so links cross as little as possible.
            var ordered = column.Select(c => c.Key)
                .OrderBy(id => shape.Incoming(id).Select(e => rows.GetValueOrDefault(e.From)).DefaultIfEmpty(0).Average())
                .ThenBy(id => order[id])
                .ToList();
            for (var row = 0; row < ordered.Count; row++)
            {
                rows[ordered[row]] = row;
                placed[ordered[row]] = new Position(origin.X + (column.Key * ColumnWidth), origin.Y + (row * RowHeight));
            }
        }

        return definition with { Nodes = [.. definition.Nodes.Select(n => n with { Position = placed[n.Id] })] };
    }

    /// <summary>Each node's column: the longest path to it from a node nothing links to (the graph has no loops).</summary>
    private static Dictionary<string, int> Columns(WorkflowDefinition definition, GraphShape shape)
    {
        var columns = definition.Nodes.ToDictionary(n => n.Id, _ => 0, StringComparer.Ordinal);
        var waiting = definition.Nodes.ToDictionary(n => n.Id, n => shape.Incoming(n.Id).Count, StringComparer.Ordinal);
        var ready = new Queue<string>(definition.Nodes.Where(n => waiting[n.Id] == 0).Select(n => n.Id));
        while (ready.TryDequeue(out var id))
        {
            foreach (var edge in shape.Outgoing(id))
            {
                columns[edge.To] = Math.Max(columns[edge.To], columns[id] + 1);
                if (--waiting[edge.To] == 0)
                {
                    ready.Enqueue(edge.To);
                }
            }
        }

        return columns;
    }
}
