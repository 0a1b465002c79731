using FlowDesigner.Model.Execution;

namespace FlowDesigner.Engine.Nodes;

/// <summary>A core node that needs the engine itself (expressions, runs, events) rather than only its settings.</summary>
public interface ICoreNodeExecutor
{
    string NodeType { get; }

    /// <summary>
    /// Whether the node runs while its run is advanced in memory. False for a node that waits on another run, which
    /// must find the waiting step written: it runs as a job of its own.
    /// </summary>
    bool RunsInline => true;

    Task<NodeResult> ExecuteAsync(CoreNodeContext context, CancellationToken cancellationToken);
}
