using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Core;

/// <summary>Stops the run as failed with a message.</summary>
public sealed class FailNode : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new(CoreNodeTypes.Fail, "Stop with error", NodeKind.Logic, CoreCategories.Logic)
    {
        Icon = "icons/core-fail.svg",
        Description = "Ends the run as failed, with a message the operator sees on the run.",
        Properties =
        [
            Property.Text("message", "Error message") with
            {
                Required = true,
                Placeholder = "Order {{ trigger.order.increment_id }} has no lines",
            },
        ],
        OutputPorts = [],
    };
}
