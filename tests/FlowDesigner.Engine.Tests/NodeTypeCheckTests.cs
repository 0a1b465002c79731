using FlowDesigner.Model.Descriptors;
using FlowDesigner.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Engine.Tests;

public sealed class NodeTypeCheckTests
{
    [Fact]
    public async Task StartUp_FailsNamingTheNodeType_WhenADescriptorHasNoExecutor()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestServices.StartAsync(jobs: true, configure: services => services.AddSingleton<INodeType, ArchiveNode>()));

        Assert.Contains("'acme.archive-order' (Archive order) has no executor", failure.Message);
    }

    [Fact]
    public async Task StartUp_FailsNamingTheTrigger_WhenNothingFetchesItsEvents()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestServices.StartAsync(jobs: true, configure: services => services.AddSingleton<INodeType, OrderShippedTrigger>()));

        Assert.Contains("'acme.order-shipped' (Order shipped) has no poller", failure.Message);
    }

    private sealed class ArchiveNode : INodeType
    {
        public NodeTypeDescriptor Descriptor { get; } = new("acme.archive-order", "Archive order", NodeKind.Action, "Acme");
    }

    private sealed class OrderShippedTrigger : INodeType
    {
        public NodeTypeDescriptor Descriptor { get; } = new("acme.order-shipped", "Order shipped", NodeKind.Trigger, "Acme");
    }
}
