using FlowDesigner.Engine.Workflows;

namespace FlowDesigner.Engine.Tests;

public sealed class CausalChainTests
{
    [Fact]
    public void Flatten_ListsAChainThousandsOfLevelsDeep_DepthFirst_WithEachNodesParentAndDepth()
    {
        var at = new DateTime(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc);
        var ids = Enumerable.Range(0, 5000).Select(_ => Guid.NewGuid()).ToList();
        var node = new ChainNode(ids[^1], at, []);
        for (var i = ids.Count - 2; i >= 0; i--)
        {
            node = new ChainNode(ids[i], at, [node]);
        }

        var branched = node with { Children = [.. node.Children, new ChainNode(Guid.NewGuid(), at, [])] };
        var flat = new CausalChain(branched, ids.Count + 1, Truncated: false).Flatten().ToList();

        Assert.Equal(ids, flat.Take(ids.Count).Select(f => f.Node.Id));
        Assert.Equal(Enumerable.Range(0, ids.Count), flat.Take(ids.Count).Select(f => f.Depth));
        Assert.Equal([null, .. ids.Take(ids.Count - 1).Select(id => (Guid?)id)], flat.Take(ids.Count).Select(f => f.Parent));
        Assert.Equal((1, ids[0]), (flat[^1].Depth, flat[^1].Parent!.Value)); // the root's second child comes after the whole first branch
    }
}
