using FlowDesigner.Model.Execution;

namespace FlowDesigner.Engine.Nodes;

/// <summary>A core node that needs the engine itself (expressions, runs, events) rather than only its settings.</summary>
public interface ICoreNodeExecutor
{
    string NodeType { get; }

    /// <summary>Cheap, in-process and quick: run in the job that made the step ready rather than a job of its own.</summary>
    bool RunsInline => false;

    Task<NodeResult> ExecuteAsync(CoreNodeContext context, CancellationToken cancellationToken);
}
