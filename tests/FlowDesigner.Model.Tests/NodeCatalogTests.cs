using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Model.Tests;

public sealed class NodeCatalogTests
{
    [Fact]
    public void Constructor_Refuses_TwoTypesWithOneKey()
    {
        INodeType[] types = [new Node(new("a.b", "One", NodeKind.Action, "A")), new Node(new("a.b", "Two", NodeKind.Action, "A"))];

        var error = Assert.Throws<InvalidOperationException>(() => new NodeCatalog(types, []));

        Assert.Contains("'a.b'", error.Message);
    }

    [Fact]
    public void Constructor_Refuses_ANodeWhoseCredentialTypeIsMissing()
    {
        INodeType[] types = [new Node(new("crm.create", "Create", NodeKind.Action, "CRM") { CredentialTypes = ["crm.oauth"], CredentialRequired = true })];

        var error = Assert.Throws<InvalidOperationException>(() => new NodeCatalog(types, []));

        Assert.Contains("crm.oauth", error.Message);
    }

    [Fact]
    public void NodeTypes_ListsTriggersFirst_ThenLogic_ThenConnectors()
    {
        var catalog = new NodeCatalog(
            [
                new Node(new("z.act", "Act", NodeKind.Action, "Zeta")),
                new Node(new("core.if", "If", NodeKind.Logic, "Logic")),
                new Node(new("core.hook", "Hook", NodeKind.Trigger, "Triggers")),
                new Node(new("a.act", "Act", NodeKind.Action, "Alpha")),
            ],
            []);

        Assert.Equal(["core.hook", "core.if", "a.act", "z.act"], catalog.NodeTypes.Select(t => t.Key));
    }

    private sealed class Node(NodeTypeDescriptor descriptor) : INodeType
    {
        public NodeTypeDescriptor Descriptor { get; } = descriptor;
    }
}
