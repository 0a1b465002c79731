using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Web.Components.Designer;

/// <summary>
/// A workflow node on the canvas: what its card shows, an input unless it is a trigger, and its output ports. A
/// redraw updates the card in place (<see cref="Update"/>) so that only the cards that changed render again; a node
/// whose ports change is replaced instead.
/// </summary>
public sealed class FlowNodeModel : NodeModel
{
    public FlowNodeModel(NodeDefinition node, NodeTypeDescriptor? type, IReadOnlyList<string> issues, StepRecord? result = null)
        : base(node.Id, new Point(node.Position.X, node.Position.Y))
    {
        NodeId = node.Id;
        Shape = ShapeOf(node, type);
        Show(node, type, issues, result);
        if (type?.HasInput ?? true)
        {
            AddPort(new FlowPortModel(this, "in", "", isInput: true));
        }

        foreach (var port in type?.PortsOf(node) ?? [PortDescriptor.Out])
        {
            AddPort(new FlowPortModel(this, port.Name, port.Label, isInput: false));
        }
    }

    public string NodeId { get; }

    public string Name { get; private set; } = "";

    public string TypeName { get; private set; } = "";

    public string Icon { get; private set; } = "";

    /// <summary>What the node still needs, one line each; the card shows how many.</summary>
    public IReadOnlyList<string> Issues { get; private set; } = [];

    /// <summary>How the node did in the last test run, if it ran.</summary>
    public StepRecord? Result { get; private set; }

    /// <summary>The node's type and ports: a node drawn again with another shape is replaced, not updated.</summary>
    public string Shape { get; }

    public FlowPortModel? Input => Ports.OfType<FlowPortModel>().FirstOrDefault(p => p.IsInput);

    public IEnumerable<FlowPortModel> Outputs => Ports.OfType<FlowPortModel>().Where(p => !p.IsInput);

    public static string ShapeOf(NodeDefinition node, NodeTypeDescriptor? type) =>
        $"{node.Type}|{type?.HasInput ?? true}|{string.Join(",", (type?.PortsOf(node) ?? [PortDescriptor.Out]).Select(p => $"{p.Name}:{p.Label}"))}";

    /// <summary>Shows the node as it is now, where it is now; renders the card again only if something it shows changed.</summary>
    public void Update(NodeDefinition node, NodeTypeDescriptor? type, IReadOnlyList<string> issues, StepRecord? result)
    {
        var changed = Show(node, type, issues, result);
        if (Position.X != node.Position.X || Position.Y != node.Position.Y)
        {
            SetPosition(node.Position.X, node.Position.Y); // renders it and moves its links
        }
        else if (changed)
        {
            Refresh();
        }
    }

    private bool Show(NodeDefinition node, NodeTypeDescriptor? type, IReadOnlyList<string> issues, StepRecord? result)
    {
        var name = node.Name;
        var typeName = type?.DisplayName ?? $"Unknown type {node.Type}";
        var icon = type?.Icon ?? "icons/node.svg";
        if (name == Name && typeName == TypeName && icon == Icon && issues.SequenceEqual(Issues) && Equals(result, Result))
        {
            return false;
        }

        (Name, TypeName, Icon, Issues, Result) = (name, typeName, icon, issues, result);
        return true;
    }
}
