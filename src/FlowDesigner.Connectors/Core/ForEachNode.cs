using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Core;

/// <summary>Runs the branch on <c>each</c> once per item, then fires <c>done</c> with every item's result.</summary>
public sealed class ForEachNode : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new(CoreNodeTypes.ForEach, "For each", NodeKind.Logic, CoreCategories.Logic)
    {
        Icon = "icons/core-for-each.svg",
        Description = "Repeats the nodes linked to 'each' for every item of a list; 'done' follows with all their results.",
        Properties =
        [
            Property.Text("items", "Items") with
            {
                Required = true,
                Placeholder = "{{ trigger.order.items }}",
                Help = "An expression that gives a list. Inside the branch, item is the current entry and index its position.",
            },
            Property.Number("parallelism", "Items at a time").WithDefault(4) with
            {
                AllowsExpressions = false,
                Help = "How many items run at once. 1 keeps them in order.",
            },
        ],
        OutputPorts = [PortDescriptor.Each, PortDescriptor.Done],
    };
}
