using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace FlowDesigner.Web.Components.Designer;

/// <summary>A node's input (left) or one of its named outputs (right): links run from an output to another node's input.</summary>
public sealed class FlowPortModel(NodeModel parent, string portName, string label, bool isInput)
    : PortModel(parent, isInput ? PortAlignment.Left : PortAlignment.Right)
{
    /// <summary>The port's name in the workflow (<c>out</c>, <c>true</c>, <c>each</c>); <c>in</c> for the input.</summary>
    public string PortName { get; } = portName;

    public string Label { get; } = label;

    public bool IsInput { get; } = isInput;

    public override bool CanAttachTo(ILinkable other) =>
        other is FlowPortModel target && !IsInput && target.IsInput && target.Parent != Parent;
}
