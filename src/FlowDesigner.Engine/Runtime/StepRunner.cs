using System.Runtime.CompilerServices;
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
    StepExecution execution,
    StepDispatcher dispatcher,
    RunAdvancer advancer,
    TimeProvider clock,
    ILogger<StepRunner> logger)
{
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
            await advancer.AdvanceAsync(step.RunId, cancellationToken);
            return;
        }

        var plan = await plans.GetAsync(versionId, cancellationToken);
        var node = plan.Nodes[step.NodeId];
        var type = plan.Types[step.NodeId];
        NodeResult result;
        string resolvedJson;
        var resolved = new StrongBox<string?>();
        try
        {
            (result, resolvedJson) = await execution.ExecuteAsync(plan, snapshot, step, cancellationToken, resolved);
        }
        catch (ExpressionException exception)
        {
            await FailAsync(snapshot.Run, step, node, type, exception.Message, retryable: false, null, resolved.Value, cancellationToken);
            return;
        }
        catch (StepFailedException exception)
        {
            await FailAsync(snapshot.Run, step, node, type, exception.Message, exception.Retryable, exception.RetryAfter, resolved.Value, cancellationToken);
            return;
        }
        catch (StepTimeoutException exception)
        {
            await FailAsync(snapshot.Run, step, node, type, exception.Message, retryable: true, null, resolved.Value, cancellationToken);
            return;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Step {NodeId} of run {RunId} failed unexpectedly", step.NodeId, step.RunId);
            await FailAsync(snapshot.Run, step, node, type, $"'{node.Name}' failed: {exception.Message}", retryable: true, null, resolved.Value, cancellationToken);
            return;
        }

        await SucceedAsync(snapshot, step, result, resolvedJson, cancellationToken);
    }

    private async Task SucceedAsync(RunSnapshot snapshot, StepRecord step, NodeResult result, string? resolvedJson, CancellationToken cancellationToken)
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

        var succeeded = step with { Status = StepStatus.Succeeded, InputJson = resolvedJson, OutputJson = output, Port = result.Port, FinishedAt = clock.GetUtcNow().UtcDateTime };
        await advancer.AdvanceAsync(step.RunId, cancellationToken, succeeded, snapshot);
    }

    private async Task FailAsync(
        RunRecord run, StepRecord step, NodeDefinition node, NodeTypeDescriptor type, string error, bool retryable, TimeSpan? retryAfter,
        string? resolvedJson, CancellationToken cancellationToken)
    {
        var policy = node.Retry ?? type.DefaultRetry;
        if (retryable && step.Attempt < policy.MaxAttempts)
        {
            var at = clock.GetUtcNow().UtcDateTime + RetryDelays.Next(policy, step.Attempt, retryAfter, Random.Shared);
            if (!await Finish(step, new StepOutcome(StepStatus.Failed, resolvedJson, null, null, error), cancellationToken))
            {
                return; // the run was cancelled meanwhile
            }

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
                await advancer.AdvanceAsync(step.RunId, cancellationToken);
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
