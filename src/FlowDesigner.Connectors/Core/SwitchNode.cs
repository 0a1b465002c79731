using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Core;

/// <summary>Takes the path whose case matches a value, else <c>default</c>.</summary>
public sealed class SwitchNode : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new(CoreNodeTypes.Switch, "Switch", NodeKind.Logic, CoreCategories.Logic)
    {
        Icon = "icons/core-switch.svg",
        Description = "Goes the way of the first case whose value matches; 'default' when none does.",
        Properties =
        [
            Property.Text("value", "Value") with
            {
                Required = true,
                Placeholder = "{{ trigger.order.shipping_method }}",
            },
            Property.KeyValue("cases", "Cases") with
            {
                Required = true,
                Help = "Each case is an output: its name on the left, the value it matches on the right.",
            },
        ],
        PortsFromProperty = "cases",
        OutputPorts = [new("default", "default")],
    };
}
