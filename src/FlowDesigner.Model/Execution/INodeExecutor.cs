namespace FlowDesigner.Model.Execution;

/// <summary>Runs one node type: the engine resolves the node's settings, then hands them here.</summary>
public interface INodeExecutor
{
    /// <summary>The node type key this executor runs (<c>http.request</c>).</summary>
    string NodeType { get; }

    /// <exception cref="StepFailedException">The step failed; its <see cref="StepFailedException.Retryable"/> says whether to try again.</exception>
    Task<NodeResult> ExecuteAsync(NodeExecutionContext context, CancellationToken cancellationToken);
}
