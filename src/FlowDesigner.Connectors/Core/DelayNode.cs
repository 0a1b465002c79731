using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Core;

/// <summary>Waits for a time or until a moment, without holding a worker.</summary>
public sealed class DelayNode : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new(CoreNodeTypes.Delay, "Delay", NodeKind.Logic, CoreCategories.Logic)
    {
        Icon = "icons/core-delay.svg",
        Description = "Pauses this path for a while, or until a date and time, then goes on.",
        Properties =
        [
            Property.Select("mode", "Wait", ("duration", "For a duration"), ("until", "Until a date and time")),
            Property.Number("seconds", "Seconds").WithDefault(60) with
            {
                Required = true,
                VisibleWhen = VisibleWhen.Is("mode", "duration"),
            },
            Property.Text("until", "Until") with
            {
                Required = true,
                VisibleWhen = VisibleWhen.Is("mode", "until"),
                Placeholder = "2026-12-24T18:00:00Z or {{ trigger.shipDate }}",
                Help = "An ISO 8601 date and time; a moment in the past does not wait.",
            },
        ],
    };
}
