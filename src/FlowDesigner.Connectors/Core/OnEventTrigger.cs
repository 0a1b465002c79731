using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Connectors.Core;

/// <summary>Starts a run when another workflow emits a named event.</summary>
public sealed class OnEventTrigger : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new(CoreNodeTypes.OnEvent, "On event", NodeKind.Trigger, CoreCategories.Triggers)
    {
        Icon = "icons/core-on-event.svg",
        Description = "Starts the workflow when an event of this name is emitted, for example by another workflow's Emit event node.",
        Properties =
        [
            Property.Text("eventName", "Event name") with
            {
                Required = true,
                AllowsExpressions = false,
                Placeholder = "order.created",
                Suggestions = SuggestionLists.EmittedEvents,
            },
            Property.Text("filter", "Only when") with
            {
                Placeholder = "{{ trigger.total > 100 }}",
                Help = "Optional: an expression over the event's payload; the workflow starts only when it is true.",
            },
            RunTitle.Property("Follow-up of {{ trigger.id }}"),
        ],
        Summarize = node => $"on {PropertyValues.AsText(node.GetConfig("eventName"))}",
    };
}
