using FlowDesigner.Model.Execution;

namespace FlowDesigner.Engine.Nodes;

/// <summary>A core node that needs the engine itself (expressions, runs, events) rather than only its settings.</summary>
public interface ICoreNodeExecutor
{
    string NodeType { get; }

    Task<NodeResult> ExecuteAsync(CoreNodeContext context, CancellationToken cancellationToken);
}
