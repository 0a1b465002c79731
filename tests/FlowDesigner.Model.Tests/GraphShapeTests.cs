using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Model.Tests;

public sealed class GraphShapeTests
{
    [Fact]
    public void NodesOnCycles_AreTheNodesThatReachThemselves_OnRandomGraphs()
    {
        var random = new Random(20261205);
        for (var round = 0; round < 300; round++)
        {
            var ids = Enumerable.Range(0, random.Next(1, 25)).Select(i => $"n{i}").ToList();
            var edges = Enumerable.Range(0, random.Next(0, ids.Count * 2))
                .Select(_ => new EdgeDefinition(ids[random.Next(ids.Count)], "out", ids[random.Next(ids.Count)]))
                .DistinctBy(e => (e.From, e.To))
                .ToList();
            var graph = new GraphShape(ids, edges);

            // The definition itself: a node is on a loop when following links from its successors leads back to it.
            var expected = ids.Where(id => graph.ReachableFrom(graph.Outgoing(id).Select(e => e.To)).Contains(id));

            Assert.Equal(expected, graph.NodesOnCycles());
        }
    }

    [Fact]
    public void NodesOnCycles_OfALongChain_IsEmpty_AndOfAChainClosedOnItself_IsEveryNode()
    {
        var ids = Enumerable.Range(0, 5000).Select(i => $"n{i}").ToList();
        var chain = ids.Skip(1).Select((id, i) => new EdgeDefinition(ids[i], "out", id)).ToList();

        Assert.Empty(new GraphShape(ids, chain).NodesOnCycles());
        Assert.Equal(ids, new GraphShape(ids, [.. chain, new EdgeDefinition(ids[^1], "out", ids[0])]).NodesOnCycles());
    }
}
