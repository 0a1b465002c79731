using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Core;

/// <summary>Runs a short JavaScript function in the sandbox and passes on what it returns.</summary>
public sealed class CodeNode : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new(CoreNodeTypes.Code, "Code", NodeKind.Action, CoreCategories.Logic)
    {
        Icon = "icons/core-code.svg",
        Description = "Runs JavaScript for what fields and expressions cannot say. It sees trigger, steps, item and run, and returns the output.",
        Properties =
        [
            Property.Code("code", "JavaScript").WithDefault("return { ...trigger };") with
            {
                Required = true,
                AllowsExpressions = false,
                Help = "The body of a function: end with return. It runs in a sandbox with a time limit and no access to files or the network.",
            },
        ],
        OutputPorts = [PortDescriptor.Out, PortDescriptor.Error],
    };
}
