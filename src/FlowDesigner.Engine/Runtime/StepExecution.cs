using System.Runtime.CompilerServices;
using System.Text.Json;
using FlowDesigner.Engine.Expressions;
using FlowDesigner.Engine.Nodes;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// Runs a node for a step without touching the database: works out its input and expression scope from the run's
/// steps, resolves its settings, and calls its executor under the node's timeout.
/// </summary>
public sealed class StepExecution(ExpressionEvaluator expressions, ExecutorRegistry executors, EngineOptions options)
{
    /// <summary>The node's result and its resolved settings (as JSON, for the step row).</summary>
    /// <exception cref="ExpressionException">A setting's expression failed.</exception>
    /// <exception cref="StepFailedException">The executor failed.</exception>
    /// <exception cref="StepTimeoutException">The executor ran past the node's timeout.</exception>
    /// <param name="resolved">Receives the resolved settings as soon as they are known, so a failure can record them too.</param>
    public async Task<(NodeResult Result, string ResolvedJson)> ExecuteAsync(
        WorkflowPlan plan, RunSnapshot snapshot, StepRecord step, CancellationToken cancellationToken, StrongBox<string?>? resolved = null)
    {
        var node = plan.Nodes[step.NodeId];
        var type = plan.Types[step.NodeId];
        var input = RunPlanner.InputFor(plan, snapshot.Steps, step.NodeId, step.Scope);
        var scope = ScopeBuilder.For(plan, snapshot, step, input, options.Env);
        var config = expressions.Resolve(node.Config, scope, node.Name);
        var resolvedJson = JsonSerializer.Serialize(config);
        resolved?.Value = resolvedJson;
        var context = new NodeExecutionContext(step.RunId, node.Id, node.Name, $"{step.RunId}:{node.Id}:{step.Scope}", step.Attempt, config, input);
        var timeout = TimeSpan.FromSeconds(node.TimeoutSeconds ?? type.DefaultTimeoutSeconds);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var result = await executors.ExecuteAsync(node.Type, new CoreNodeContext(context, scope, snapshot.Run, step.Id), limit.Token).WaitAsync(limit.Token);
            return (result, resolvedJson);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new StepTimeoutException($"'{node.Name}' did not finish within its timeout of {timeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>Whether the node is cheap and in-process, so it may run while a run is advanced.</summary>
    public bool RunsInline(WorkflowPlan plan, string nodeId) => executors.RunsInline(plan.Nodes[nodeId].Type);
}
