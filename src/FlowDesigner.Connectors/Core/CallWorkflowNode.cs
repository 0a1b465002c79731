using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Core;

/// <summary>Runs another published workflow as a sub-flow.</summary>
public sealed class CallWorkflowNode : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new(CoreNodeTypes.CallWorkflow, "Call workflow", NodeKind.Action, CoreCategories.Logic)
    {
        Icon = "icons/core-call-workflow.svg",
        Description = "Runs another published workflow with a payload, and goes on with its output or straight away.",
        Properties =
        [
            Property.Text("workflowId", "Workflow id") with
            {
                Required = true,
                AllowsExpressions = false,
                Help = "The id of the workflow to run; its published version runs.",
            },
            Property.Json("payload", "Payload") with { Help = "What the called workflow receives as trigger. Empty: this step's input." },
            Property.Select("mode", "Then", ("wait", "Wait for its output"), ("fireAndForget", "Go on at once")),
        ],
        DefaultTimeoutSeconds = 30,
    };
}
