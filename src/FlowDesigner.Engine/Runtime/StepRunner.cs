using System.Text.Json;
using FlowDesigner.Engine.Expressions;
using FlowDesigner.Engine.Nodes;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Runs;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// Runs one attempt of one step: claims it, resolves its settings, calls its executor under the step's timeout,
/// records the outcome, and schedules a retry, takes the error port, or fails the run as the node's settings say.
/// </summary>
public sealed class StepRunner(
    IRunStore runs,
    PlanCache plans,
    ExpressionEvaluator expressions,
    ExecutorRegistry executors,
    StepDispatcher dispatcher,
    RunAdvancer advancer,
    EngineOptions options,
    TimeProvider clock,
    ILogger<StepRunner> logger)
{
    /// <summary>
    /// Advances the run and starts what became ready: cheap in-process nodes run here, in this job, one after
    /// another; the rest become jobs of their own.
    /// </summary>
    public async Task AdvanceAsync(Guid runId, CancellationToken cancellationToken)
    {
        var ready = await advancer.AdvanceAsync(runId, cancellationToken);
        if (ready.Count == 0)
        {
            return;
        }

        var plan = await plans.GetAsync((await runs.FindRunAsync(runId, cancellationToken))!.VersionId!.Value, cancellationToken);
        var inline = new List<StepRecord>();
        foreach (var step in ready)
        {
            if (executors.RunsInline(plan.Nodes[step.NodeId].Type))
            {
                inline.Add(step);
            }
            else
            {
                await dispatcher.DispatchAsync(step.Id, null, cancellationToken);
            }
        }

        foreach (var step in inline)
        {
            await RunAsync(step.Id, cancellationToken);
        }
    }

    public async Task RunAsync(Guid stepId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var step = await runs.ClaimStepAsync(stepId, now, cancellationToken);
        if (step is null)
        {
            // Another worker has it, or it already ended: a repeated dispatch changes nothing. Scheduled jobs may
            // also fire up to a second early (the job store keeps whole seconds): then wait for the rest.
            if (await runs.FindStepAsync(stepId, cancellationToken) is { Status: StepStatus.Waiting, ScheduledAt: { } due } && due > now)
            {
                await dispatcher.DispatchAsync(stepId, due, cancellationToken);
            }

            return;
        }

        var snapshot = (await runs.GetSnapshotAsync(step.RunId, cancellationToken))!;
        if (snapshot.Run.IsTerminal || snapshot.Run.VersionId is not { } versionId)
        {
            await Finish(step, new StepOutcome(StepStatus.Cancelled, null, null, null, "The run had ended."), cancellationToken);
            return;
        }

        if (step.OutputJson is not null && step.Port is not null)
        {
            // A delay whose time has come: it goes on with what it held.
            await Finish(step, new StepOutcome(StepStatus.Succeeded, step.InputJson, step.OutputJson, step.Port, null), cancellationToken);
            await AdvanceAsync(step.RunId, cancellationToken);
            return;
        }

        var plan = await plans.GetAsync(versionId, cancellationToken);
        var node = plan.Nodes[step.NodeId];
        var type = plan.Types[step.NodeId];
        var input = RunPlanner.InputFor(plan, snapshot.Steps, step.NodeId, step.Scope);
        var scope = ScopeBuilder.For(plan, snapshot, step, input, options.Env);
        string? resolvedJson = null;
        try
        {
            var config = expressions.Resolve(node.Config, scope, node.Name);
            resolvedJson = JsonSerializer.Serialize(config);
            var context = new NodeExecutionContext(step.RunId, node.Id, node.Name, $"{step.RunId}:{node.Id}:{step.Scope}", step.Attempt, config, input);
            var result = await ExecuteWithTimeoutAsync(node, type, new CoreNodeContext(context, scope, snapshot.Run, step.Id), cancellationToken);
            await SucceedAsync(step, result, resolvedJson, cancellationToken);
        }
        catch (ExpressionException exception)
        {
            await FailAsync(snapshot.Run, step, node, type, exception.Message, retryable: false, null, resolvedJson, cancellationToken);
        }
        catch (StepFailedException exception)
        {
            await FailAsync(snapshot.Run, step, node, type, exception.Message, exception.Retryable, exception.RetryAfter, resolvedJson, cancellationToken);
        }
        catch (StepTimeoutException exception)
        {
            await FailAsync(snapshot.Run, step, node, type, exception.Message, retryable: true, null, resolvedJson, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Step {NodeId} of run {RunId} failed unexpectedly", step.NodeId, step.RunId);
            await FailAsync(snapshot.Run, step, node, type, $"'{node.Name}' failed: {exception.Message}", retryable: true, null, resolvedJson, cancellationToken);
        }
    }

    private async Task<NodeResult> ExecuteWithTimeoutAsync(NodeDefinition node, NodeTypeDescriptor type, CoreNodeContext context, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(node.TimeoutSeconds ?? type.DefaultTimeoutSeconds);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await executors.ExecuteAsync(node.Type, context, limit.Token).WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new StepTimeoutException($"'{node.Name}' did not finish within its timeout of {timeout.TotalSeconds:0} s.");
        }
    }

    private async Task SucceedAsync(StepRecord step, NodeResult result, string? resolvedJson, CancellationToken cancellationToken)
    {
        var output = result.Output.GetRawText();
        if (result.WaitUntil == DateTime.MaxValue)
        {
            // Woken by another run (a called sub-flow), not by the clock.
            await Finish(step, new StepOutcome(StepStatus.Waiting, resolvedJson, null, null, null), cancellationToken);
            return;
        }

        if (result.WaitUntil is { } until)
        {
            await Finish(step, new StepOutcome(StepStatus.Waiting, resolvedJson, output, result.Port, null) { ScheduledAt = until }, cancellationToken);
            await dispatcher.DispatchAsync(step.Id, until, cancellationToken);
            return;
        }

        if (await Finish(step, new StepOutcome(StepStatus.Succeeded, resolvedJson, output, result.Port, null), cancellationToken))
        {
            await AdvanceAsync(step.RunId, cancellationToken);
        }
    }

    private async Task FailAsync(
        RunRecord run, StepRecord step, NodeDefinition node, NodeTypeDescriptor type, string error, bool retryable, TimeSpan? retryAfter,
        string? resolvedJson, CancellationToken cancellationToken)
    {
        var policy = node.Retry ?? type.DefaultRetry;
        if (retryable && step.Attempt < policy.MaxAttempts)
        {
            var at = clock.GetUtcNow().UtcDateTime + RetryDelays.Next(policy, step.Attempt, retryAfter, Random.Shared);
            await Finish(step, new StepOutcome(StepStatus.Failed, resolvedJson, null, null, error), cancellationToken);
            var next = await runs.AddStepsAsync(step.RunId, [new NewStep(step.NodeId, step.Scope, step.Attempt + 1, StepStatus.Waiting, at)], clock.GetUtcNow().UtcDateTime, cancellationToken);
            foreach (var attempt in next)
            {
                await dispatcher.DispatchAsync(attempt.Id, at, cancellationToken);
            }

            return;
        }

        var attempts = step.Attempt > 1 ? $" (after {step.Attempt} attempts)" : "";
        var plan = await plans.GetAsync(run.VersionId!.Value, cancellationToken);
        if (plan.Outgoing(node.Id).Any(e => e.Port == PortDescriptor.Error.Name))
        {
            var output = JsonSerializer.Serialize(new { error, attempts = step.Attempt });
            if (await Finish(step, new StepOutcome(StepStatus.Failed, resolvedJson, output, PortDescriptor.Error.Name, error + attempts), cancellationToken))
            {
                await AdvanceAsync(step.RunId, cancellationToken);
            }

            return;
        }

        if (await Finish(step, new StepOutcome(StepStatus.Failed, resolvedJson, null, null, error + attempts), cancellationToken))
        {
            await advancer.EndAsync(run, RunStatus.Failed, null, error + attempts, cancellationToken);
        }
    }

    private Task<bool> Finish(StepRecord step, StepOutcome outcome, CancellationToken cancellationToken) =>
        runs.FinishStepAsync(step.Id, outcome, clock.GetUtcNow().UtcDateTime, cancellationToken);
}
