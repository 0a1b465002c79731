using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Magento;

public sealed class MagentoGetOrderNode : INodeType
{
    public const string Key = "magento.get-order";

    public NodeTypeDescriptor Descriptor { get; } = ConnectorNode.Action(Key, "Get order", MagentoClient.Vendor, MagentoCredential.Key,
        "Reads an order with its items, addresses and payment.") with
    {
        ExampleOutputJson = MagentoExamples.Order,
        Properties =
        [
            Property.Text("orderId", "Order entity id") with
            {
                Required = true,
                Placeholder = "{{ trigger.entity_id }}",
                Help = "The order's entity_id, not its increment id (the number the customer sees).",
            },
        ],
    };
}
