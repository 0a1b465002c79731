using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Model.Tests;

/// <summary>A small catalog of node types with one of each shape the validator must understand.</summary>
internal static class TestCatalog
{
    public static NodeCatalog Create() => new(
        [
            new TestNode(new("test.trigger", "Trigger", NodeKind.Trigger, "Triggers")),
            new TestNode(new("test.action", "Action", NodeKind.Action, "Test")
            {
                Properties =
                [
                    Property.Text("url", "URL") with { Required = true },
                    Property.Select("auth", "Authentication", ("none", "None"), ("key", "API key")),
                    Property.Text("apiKey", "API key") with { Required = true, VisibleWhen = VisibleWhen.Is("auth", "key") },
                    Property.Json("body", "Body"),
                ],
                OutputPorts = [PortDescriptor.Out, PortDescriptor.Error],
            }),
            new TestNode(new("test.condition", "Condition", NodeKind.Logic, "Logic") { OutputPorts = [PortDescriptor.True, PortDescriptor.False] }),
            new TestNode(new("test.for-each", "For each", NodeKind.Logic, "Logic") { OutputPorts = [PortDescriptor.Each, PortDescriptor.Done] }),
            new TestNode(new("test.switch", "Switch", NodeKind.Logic, "Logic")
            {
                Properties = [Property.KeyValue("cases", "Cases")],
                PortsFromProperty = "cases",
                OutputPorts = [new("default", "default")],
            }),
            new TestNode(new("test.stop", "Stop", NodeKind.Logic, "Logic") { OutputPorts = [] }),
        ],
        []);

    private sealed class TestNode(NodeTypeDescriptor descriptor) : INodeType
    {
        public NodeTypeDescriptor Descriptor { get; } = descriptor;
    }
}
