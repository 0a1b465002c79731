namespace FlowDesigner.Engine.Workflows;

/// <summary>What an event or a run caused, as a tree; <paramref name="Truncated"/> when it was cut at <see cref="CausalChains.MostNodes"/>.</summary>
public sealed record CausalChain(ChainNode Root, int Count, bool Truncated)
{
    /// <summary>
    /// The tree's nodes depth first, each with its depth and its parent, read without recursion: a chain can be a
    /// thousand levels deep, deeper than a nested answer or page should go.
    /// </summary>
    public IEnumerable<(ChainNode Node, int Depth, Guid? Parent)> Flatten()
    {
        var stack = new Stack<(ChainNode Node, int Depth, Guid? Parent)>();
        stack.Push((Root, 0, null));
        while (stack.TryPop(out var entry))
        {
            yield return entry;
            for (var i = entry.Node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push((entry.Node.Children[i], entry.Depth + 1, entry.Node.Id));
            }
        }
    }
}
