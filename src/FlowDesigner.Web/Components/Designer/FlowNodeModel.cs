using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Web.Components.Designer;

/// <summary>A workflow node on the canvas: what its card shows, an input unless it is a trigger, and its output ports.</summary>
public sealed class FlowNodeModel : NodeModel
{
    public FlowNodeModel(NodeDefinition node, NodeTypeDescriptor? type, IReadOnlyList<string> issues, StepRecord? result = null)
        : base(node.Id, new Point(node.Position.X, node.Position.Y))
    {
        NodeId = node.Id;
        Name = node.Name;
        TypeName = type?.DisplayName ?? $"Unknown type {node.Type}";
        Icon = type?.Icon ?? "icons/node.svg";
        Issues = issues;
        Result = result;
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

    public string Name { get; }

    public string TypeName { get; }

    public string Icon { get; }

    /// <summary>What the node still needs, one line each; the card shows how many.</summary>
    public IReadOnlyList<string> Issues { get; }

    /// <summary>How the node did in the last test run, if it ran.</summary>
    public StepRecord? Result { get; }

    public FlowPortModel? Input => Ports.OfType<FlowPortModel>().FirstOrDefault(p => p.IsInput);

    public IEnumerable<FlowPortModel> Outputs => Ports.OfType<FlowPortModel>().Where(p => !p.IsInput);
}
