using FlowDesigner.Model.Definitions;

namespace FlowDesigner.Model.Validation;

/// <summary>The links of a graph indexed both ways, for reachability questions.</summary>
public sealed class GraphShape
{
    private readonly Dictionary<string, List<EdgeDefinition>> _outgoing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EdgeDefinition>> _incoming = new(StringComparer.Ordinal);

    public GraphShape(IEnumerable<string> nodeIds, IEnumerable<EdgeDefinition> edges)
    {
        foreach (var id in nodeIds)
        {
            _outgoing[id] = [];
            _incoming[id] = [];
        }

        foreach (var edge in edges)
        {
            _outgoing[edge.From].Add(edge);
            _incoming[edge.To].Add(edge);
        }
    }

    public IReadOnlyList<EdgeDefinition> Outgoing(string id) => _outgoing[id];

    public IReadOnlyList<EdgeDefinition> Incoming(string id) => _incoming[id];

    /// <summary>Every node that following links from <paramref name="starts"/> reaches, the starts included.</summary>
    public HashSet<string> ReachableFrom(IEnumerable<string> starts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(starts);
        while (pending.TryPop(out var id))
        {
            if (seen.Add(id))
            {
                foreach (var edge in _outgoing[id])
                {
                    pending.Push(edge.To);
                }
            }
        }

        return seen;
    }

    /// <summary>Every node from which links lead to <paramref name="id"/>, the node itself left out: the steps before it.</summary>
    public HashSet<string> Upstream(string id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([id]);
        while (pending.TryPop(out var next))
        {
            foreach (var edge in _incoming[next])
            {
                if (seen.Add(edge.From))
                {
                    pending.Push(edge.From);
                }
            }
        }

        seen.Remove(id);
        return seen;
    }

    /// <summary>
    /// The nodes that lie on a loop, in the order they were given: those of a strongly connected component of more
    /// than one node, or with a link to themselves (Tarjan's algorithm, iterative, in one pass over the links).
    /// </summary>
    public IEnumerable<string> NodesOnCycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowest = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onCycles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in _outgoing.Keys.Where(id => !index.ContainsKey(id)))
        {
            var walk = new Stack<(string Id, int Next)>([(root, 0)]);
            Visit(root);
            while (walk.TryPop(out var frame))
            {
                var edges = _outgoing[frame.Id];
                if (frame.Next < edges.Count)
                {
                    walk.Push(frame with { Next = frame.Next + 1 });
                    var to = edges[frame.Next].To;
                    if (to == frame.Id)
                    {
                        onCycles.Add(to);
                    }
                    else if (!index.ContainsKey(to))
                    {
                        Visit(to);
                        walk.Push((to, 0));
                    }
                    else if (onStack.Contains(to))
                    {
                        lowest[frame.Id] = Math.Min(lowest[frame.Id], index[to]);
                    }

                    continue;
                }

                if (walk.TryPeek(out var parent))
                {
                    lowest[parent.Id] = Math.Min(lowest[parent.Id], lowest[frame.Id]);
                }

                if (lowest[frame.Id] == index[frame.Id])
                {
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != frame.Id);

                    if (component.Count > 1)
                    {
                        onCycles.UnionWith(component);
                    }
                }
            }
        }

        return _outgoing.Keys.Where(onCycles.Contains);

        void Visit(string id)
        {
            index[id] = lowest[id] = index.Count;
            stack.Push(id);
            onStack.Add(id);
        }
    }
}
