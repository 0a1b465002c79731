using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Core;

/// <summary>Takes the <c>true</c> or the <c>false</c> path; the other path is skipped.</summary>
public sealed class ConditionNode : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new(CoreNodeTypes.Condition, "Condition", NodeKind.Logic, CoreCategories.Logic)
    {
        Icon = "icons/core-condition.svg",
        Description = "Goes one of two ways: 'true' when the condition holds, else 'false'.",
        Properties =
        [
            Property.Text("condition", "Condition") with
            {
                Required = true,
                Placeholder = "{{ trigger.total > 100 }}",
                Help = "An expression that is true or false. Nodes on the path not taken are skipped.",
            },
        ],
        OutputPorts = [PortDescriptor.True, PortDescriptor.False],
    };
}
