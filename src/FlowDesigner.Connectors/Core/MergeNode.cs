using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Core;

/// <summary>Waits for every incoming path, then goes on once with their outputs together.</summary>
public sealed class MergeNode : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new(CoreNodeTypes.Merge, "Merge", NodeKind.Logic, CoreCategories.Logic)
    {
        Icon = "icons/core-merge.svg",
        Description = "Waits until every path linked into it has finished or been skipped, then goes on once.",
        Properties =
        [
            Property.Select("mode", "Output",
                ("byName", "One object: each incoming step's output under its name"),
                ("list", "A list of the incoming outputs")),
        ],
    };
}
