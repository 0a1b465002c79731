using System.Text.Json;
using FlowDesigner.Engine.Expressions;
using FlowDesigner.Engine.Nodes;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Runs;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// Runs a node for a step without touching the database: works out its input and expression scope from the run's
/// steps, resolves its settings, and calls its executor under the node's timeout.
/// </summary>
public sealed class StepExecution(ExpressionEvaluator expressions, ExecutorRegistry executors, EngineOptions options, ILogger<StepExecution> logger)
{
    /// <summary>The node's result and its resolved settings (as JSON, for the step row), or why it failed.</summary>
    public async Task<StepAttempt> AttemptAsync(WorkflowPlan plan, RunSnapshot snapshot, StepRecord step, CancellationToken cancellationToken)
    {
        var node = plan.Nodes[step.NodeId];
        string? resolvedJson = null;
        try
        {
            var state = new RunState(plan, snapshot.Steps);
            var input = RunPlanner.InputFor(plan, state, step.NodeId, step.Scope);
            var scope = ScopeBuilder.For(plan, state, snapshot.Run, step, input, options.Env);
            var config = expressions.Resolve(node.Config, scope, node.Name);
            resolvedJson = JsonSerializer.Serialize(config);
            var context = new NodeExecutionContext(step.RunId, node.Id, node.Name, $"{step.RunId}:{node.Id}:{step.Scope}", step.Attempt, config, input);
            var result = await ExecuteAsync(plan, node.Type, new CoreNodeContext(context, scope, snapshot.Run, step.Id), step.NodeId, cancellationToken);
            return new StepAttempt(result, resolvedJson, null);
        }
        catch (ExpressionException exception)
        {
            return new StepAttempt(null, resolvedJson, new StepFailure(exception.Message, Retryable: false, null));
        }
        catch (StepFailedException exception)
        {
            return new StepAttempt(null, resolvedJson, new StepFailure(exception.Message, exception.Retryable, exception.RetryAfter));
        }
        catch (StepTimeoutException exception)
        {
            return new StepAttempt(null, resolvedJson, new StepFailure(exception.Message, Retryable: true, null));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Step {NodeId} of run {RunId} failed unexpectedly", step.NodeId, step.RunId);
            return new StepAttempt(null, resolvedJson, new StepFailure($"'{node.Name}' failed: {exception.Message}", Retryable: true, null));
        }
    }

    /// <summary>Whether the node may run while a run is advanced in memory (everything but what waits on another run).</summary>
    public bool RunsInline(WorkflowPlan plan, string nodeId) => executors.RunsInline(plan.Nodes[nodeId].Type);

    private async Task<NodeResult> ExecuteAsync(WorkflowPlan plan, string nodeType, CoreNodeContext context, string nodeId, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(plan.Nodes[nodeId].TimeoutSeconds ?? plan.Types[nodeId].DefaultTimeoutSeconds);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await executors.ExecuteAsync(nodeType, context, limit.Token).WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new StepTimeoutException($"'{context.Step.NodeName}' did not finish within its timeout of {timeout.TotalSeconds:0} s.");
        }
    }
}
