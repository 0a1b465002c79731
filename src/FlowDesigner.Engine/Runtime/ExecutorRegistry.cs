using FlowDesigner.Engine.Nodes;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Engine.Runtime;

/// <summary>Finds the executor of a node type: the engine's own for core nodes, a connector's for the rest.</summary>
public sealed class ExecutorRegistry(IEnumerable<ICoreNodeExecutor> coreExecutors, IEnumerable<INodeExecutor> connectorExecutors)
{
    private readonly Dictionary<string, ICoreNodeExecutor> _core = coreExecutors.ToDictionary(e => e.NodeType, StringComparer.Ordinal);
    private readonly Dictionary<string, INodeExecutor> _connectors = connectorExecutors.ToDictionary(e => e.NodeType, StringComparer.Ordinal);

    /// <summary>
    /// Whether the node may run while its run is advanced in memory: every connector, and every core node except
    /// those that wait on another run (which must find their step written first).
    /// </summary>
    public bool RunsInline(string nodeType) => !_core.TryGetValue(nodeType, out var core) || core.RunsInline;

    /// <summary>Whether some executor runs the node type.</summary>
    public bool Runs(string nodeType) => _core.ContainsKey(nodeType) || _connectors.ContainsKey(nodeType);

    public Task<NodeResult> ExecuteAsync(string nodeType, CoreNodeContext context, CancellationToken cancellationToken)
    {
        if (_core.TryGetValue(nodeType, out var core))
        {
            return core.ExecuteAsync(context, cancellationToken);
        }

        return _connectors.TryGetValue(nodeType, out var connector)
            ? connector.ExecuteAsync(context.Step, cancellationToken)
            : throw new StepFailedException($"No executor runs node type '{nodeType}'.", retryable: false);
    }
}
