using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Core;

/// <summary>Sets the answer of a webhook that waits for the run to finish.</summary>
public sealed class RespondNode : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new(CoreNodeTypes.Respond, "Respond to webhook", NodeKind.Action, CoreCategories.Logic)
    {
        Icon = "icons/core-respond.svg",
        Description = "Answers the webhook call that started the run (when it waits for the result) with this body.",
        Properties =
        [
            Property.Json("body", "Response body") with
            {
                Placeholder = "{ \"orderId\": \"{{ trigger.order.increment_id }}\", \"status\": \"accepted\" }",
                Help = "JSON or an expression. Empty: this step's input.",
            },
        ],
    };
}
