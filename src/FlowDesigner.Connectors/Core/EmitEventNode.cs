using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Core;

/// <summary>Publishes a named event that starts the workflows subscribed to it.</summary>
public sealed class EmitEventNode : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new(CoreNodeTypes.EmitEvent, "Emit event", NodeKind.Action, CoreCategories.Logic)
    {
        Icon = "icons/core-emit-event.svg",
        Description = "Publishes an event, such as order.created, that starts every workflow with an On event trigger of that name.",
        Properties =
        [
            Property.Text("eventName", "Event name") with
            {
                Required = true,
                AllowsExpressions = false,
                Placeholder = "order.created",
            },
            Property.Json("payload", "Payload") with
            {
                Help = "The event's data; an expression such as {{ steps[\"Create order\"] }} or a JSON object. Empty: this step's input.",
            },
        ],
    };
}
