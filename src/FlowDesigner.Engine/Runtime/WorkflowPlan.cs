using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// A published version prepared for running: nodes with their types, links both ways, and the for-each loops
/// each node sits in. Built once per version and cached; versions never change.
/// </summary>
public sealed class WorkflowPlan
{
    private readonly GraphShape _graph;
    private readonly Dictionary<string, List<string>> _enclosingLoops = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _branches = new(StringComparer.Ordinal);
    private readonly HashSet<string> _loops;
    private readonly Dictionary<string, string[]> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _branchResults = new(StringComparer.Ordinal);
    private readonly string[] _ends;
    private readonly Dictionary<string, NodeDefinition> _byName;

    public WorkflowPlan(VersionRecord version, NodeCatalog catalog)
    {
        Version = version;
        Nodes = version.Definition.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        _byName = version.Definition.Nodes.GroupBy(n => n.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Types = Nodes.Values.ToDictionary(
            n => n.Id,
            n => catalog.FindNodeType(n.Type) ?? throw new InvalidOperationException($"Node type '{n.Type}' of '{n.Name}' is not installed."),
            StringComparer.Ordinal);
        _graph = new GraphShape(Nodes.Keys, version.Definition.Edges);

        Trigger = Nodes.Values.Single(n => Types[n.Id].Kind == NodeKind.Trigger);
        _loops = Nodes.Keys.Where(id => Types[id].OutputPorts.Any(p => p.Name == PortDescriptor.Each.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var loop in _loops)
        {
            _branches[loop] = _graph.ReachableFrom(_graph.Outgoing(loop).Where(e => e.Port == PortDescriptor.Each.Name).Select(e => e.To));
        }

        foreach (var id in Nodes.Keys)
        {
            _enclosingLoops[id] = _branches.Where(b => b.Value.Contains(id)).Select(b => b.Key).ToList();
        }

        foreach (var loops in _enclosingLoops.Values)
        {
            loops.Sort((a, b) => _enclosingLoops[a].Count.CompareTo(_enclosingLoops[b].Count));
        }

        foreach (var loop in _loops)
        {
            _members[loop] = _branches[loop].Where(id => InnermostLoop(id) == loop).ToArray();
            _branchResults[loop] = _members[loop].Where(id => Outgoing(id).Count == 0).ToArray();
        }

        RunTitle = PropertyValues.AsText(Trigger.GetConfig(Model.Descriptors.RunTitle.PropertyName)) is { Length: > 0 } title ? title : null;
        TopLevel = Nodes.Keys.Where(id => id != Trigger.Id && Depth(id) == 0).ToArray();
        _ends = Nodes.Keys.Where(id => Depth(id) == 0 && Outgoing(id).Count == 0).ToArray();
    }

    public VersionRecord Version { get; }

    public IReadOnlyDictionary<string, NodeDefinition> Nodes { get; }

    public IReadOnlyDictionary<string, NodeTypeDescriptor> Types { get; }

    public NodeDefinition Trigger { get; }

    /// <summary>The trigger's run title setting (an expression over the event); null when it sets none.</summary>
    public string? RunTitle { get; }

    /// <summary>The node of this name (names are unique in a valid graph).</summary>
    public NodeDefinition? NodeNamed(string name) => _byName.GetValueOrDefault(name);

    public IReadOnlyList<EdgeDefinition> Incoming(string id) => _graph.Incoming(id);

    public IReadOnlyList<EdgeDefinition> Outgoing(string id) => _graph.Outgoing(id);

    public bool IsLoop(string id) => _loops.Contains(id);

    /// <summary>The nodes outside any loop, but the trigger: each runs at most once per run.</summary>
    public IReadOnlyList<string> TopLevel { get; }

    /// <summary>How many for-each loops the node is inside.</summary>
    public int Depth(string id) => _enclosingLoops[id].Count;

    /// <summary>The innermost for-each loop the node is inside, if any.</summary>
    public string? InnermostLoop(string id) => _enclosingLoops[id] is { Count: > 0 } loops ? loops[^1] : null;

    /// <summary>The nodes that run once per item of the loop.</summary>
    public IReadOnlyCollection<string> Branch(string loopId) => _branches[loopId];

    /// <summary>The branch nodes that run once per item of this very loop (not of a loop nested in it).</summary>
    public IReadOnlyList<string> Members(string loopId) => _members[loopId];

    /// <summary>The branch nodes with nothing after them: their outputs are the item's result.</summary>
    public IReadOnlyList<string> BranchResults(string loopId) => _branchResults[loopId];

    /// <summary>The nodes outside any loop with nothing after them: the run's output comes from them.</summary>
    public IReadOnlyList<string> Ends() => _ends;
}
