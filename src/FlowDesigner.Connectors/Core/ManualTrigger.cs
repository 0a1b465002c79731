using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Core;

/// <summary>Starts a run when someone presses Run now, with a sample payload.</summary>
public sealed class ManualTrigger : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new(CoreNodeTypes.Manual, "Manual start", NodeKind.Trigger, CoreCategories.Triggers)
    {
        Icon = "icons/core-manual.svg",
        Description = "Starts the workflow only when someone presses Run now, or through the API.",
        Properties =
        [
            Property.Json("samplePayload", "Payload").WithDefault(new Dictionary<string, object>()) with
            {
                AllowsExpressions = false,
                Help = "The JSON the run starts with, available as trigger in expressions.",
            },
            RunTitle.Property("Check of {{ trigger.customer }}"),
        ],
        Summarize = _ => "manual",
    };
}
