using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Core;

/// <summary>Builds a new object from named fields, each an expression over earlier data.</summary>
public sealed class SetNode : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new(CoreNodeTypes.Set, "Set fields", NodeKind.Action, CoreCategories.Logic)
    {
        Icon = "icons/core-set.svg",
        Description = "Maps data into the shape the next steps need: each field gets a value or an expression.",
        Properties =
        [
            Property.KeyValue("fields", "Fields") with
            {
                Required = true,
                Help = "Field name on the left; value on the right, such as {{ trigger.order.customer_email }}. A value that is one expression keeps its type.",
            },
            Property.Bool("keepInput", "Keep the input's other fields").WithDefault(false),
        ],
    };
}
