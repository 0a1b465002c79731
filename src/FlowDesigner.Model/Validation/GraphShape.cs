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

    /// <summary>The nodes that lie on a loop, in the order they were given.</summary>
    public IEnumerable<string> NodesOnCycles() =>
        _outgoing.Keys.Where(id => ReachableFrom(_outgoing[id].Select(e => e.To)).Contains(id));
}
