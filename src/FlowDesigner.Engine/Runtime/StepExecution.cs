using System.Diagnostics;
using System.Text.Json;
using FlowDesigner.Engine.Credentials;
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
public sealed class StepExecution(
    ExpressionEvaluator expressions, ExecutorRegistry executors, CredentialResolver credentials, EngineOptions options, EngineMetrics metrics,
    ILogger<StepExecution> logger)
{
    /// <summary>The node's result and its resolved settings (as JSON, for the step row), or why it failed.</summary>
    public Task<StepAttempt> AttemptAsync(WorkflowPlan plan, RunSnapshot snapshot, StepRecord step, CancellationToken cancellationToken) =>
        AttemptAsync(plan, RunView.Of(plan, snapshot), step, cancellationToken);

    /// <param name="view">The run as the steps of this pass see it, shared by them.</param>
    internal async Task<StepAttempt> AttemptAsync(WorkflowPlan plan, RunView view, StepRecord step, CancellationToken cancellationToken)
    {
        var node = plan.Nodes[step.NodeId];
        string? resolvedJson = null;
        IReadOnlyList<string> secrets = [];
        try
        {
            var credential = await credentials.ResolveAsync(node.Credential, plan.Types[step.NodeId], node.Name, cancellationToken);
            secrets = credential?.SecretValues ?? [];
            var input = RunPlanner.InputFor(plan, view.State, step.NodeId, step.Scope);
            var scope = ScopeBuilder.For(plan, view, step, input, options.Env);
            var config = expressions.Resolve(node.Config, scope, node.Name, plan.Types[step.NodeId]);
            resolvedJson = SettingsJson(config);
            var context = new NodeExecutionContext(step.RunId, node.Id, node.Name, $"{step.RunId}:{node.Id}:{step.Scope}", step.Attempt, config, input)
            {
                Credential = credential,
            };
            NodeResult result;
            var began = Stopwatch.GetTimestamp();
            try
            {
                result = await ExecuteAsync(plan, node.Type, new CoreNodeContext(context, scope, view.Run, step.Id), step.NodeId, cancellationToken);
            }
            finally
            {
                metrics.StepTook(node.Type, Stopwatch.GetElapsedTime(began)); // a failed attempt took its time too
            }

            return Redacted(new StepAttempt(result, resolvedJson, null), secrets);
        }
        catch (ExpressionException exception)
        {
            return Redacted(new StepAttempt(null, resolvedJson, new StepFailure(exception.Message, Retryable: false, null)), secrets);
        }
        catch (StepFailedException exception)
        {
            return Redacted(new StepAttempt(null, resolvedJson, new StepFailure(exception.Message, exception.Retryable, exception.RetryAfter)), secrets);
        }
        catch (StepTimeoutException exception)
        {
            return Redacted(new StepAttempt(null, resolvedJson, new StepFailure(exception.Message, Retryable: true, null)), secrets);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var message = SecretRedactor.Redact(exception.Message, secrets);
            // The exception itself is not logged: its message may carry a secret. Its type and stack trace cannot.
            logger.LogWarning("Step {NodeId} of run {RunId} failed unexpectedly: {Type}: {Error}\n{StackTrace}",
                step.NodeId, step.RunId, exception.GetType().FullName, message, exception.StackTrace);
            return Redacted(new StepAttempt(null, resolvedJson, new StepFailure($"'{node.Name}' failed: {message}", Retryable: true, null)), secrets);
        }
    }

    /// <summary>The resolved settings as the step's row keeps them: an object of the settings in their order.</summary>
    private static string SettingsJson(IReadOnlyDictionary<string, JsonElement> config) => WrittenJson.Text(config, static (writer, settings) =>
    {
        writer.WriteStartObject();
        foreach (var (name, value) in settings)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
    });

    /// <summary>The attempt with the credential's secret values masked wherever they would be written to the step's row.</summary>
    private static StepAttempt Redacted(StepAttempt attempt, IReadOnlyList<string> secrets)
    {
        if (secrets.Count == 0)
        {
            return attempt;
        }

        var resolved = attempt.ResolvedJson is { } json ? SecretRedactor.Redact(json, secrets) : null;
        var failure = attempt.Failure is { } f ? f with { Error = SecretRedactor.Redact(f.Error, secrets) } : null;
        var result = attempt.Result;
        if (result is not null && result.Output.ValueKind != JsonValueKind.Undefined
            && result.Output.GetRawText() is var output && SecretRedactor.Contains(output, secrets))
        {
            result = result with { Output = JsonDocument.Parse(SecretRedactor.Redact(output, secrets)).RootElement.Clone() };
        }

        return new StepAttempt(result, resolved, failure);
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
