using FlowDesigner.Model.Events;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Workflows;

/// <summary>
/// An event or a run in a causal chain, with what it caused beneath it: an event's runs, a run's emitted events (and
/// the events it called other workflows with).
/// </summary>
public sealed record ChainNode(Guid Id, DateTime At, IReadOnlyList<ChainNode> Children)
{
    /// <summary>Set when the node is an event.</summary>
    public EventRecord? Event { get; init; }

    /// <summary>Set when the node is a run.</summary>
    public RunRecord? Run { get; init; }

    /// <summary>The run's workflow's name; null for an event, or a run whose workflow was deleted.</summary>
    public string? WorkflowName { get; init; }
}
