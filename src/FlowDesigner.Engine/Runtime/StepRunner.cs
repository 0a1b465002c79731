using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Runs;

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
    TimeProvider clock)
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
        var attempt = await execution.AttemptAsync(plan, snapshot, step, cancellationToken);
        if (attempt.Result is { } result)
        {
            await SucceedAsync(snapshot, step, result, attempt.ResolvedJson, cancellationToken);
        }
        else
        {
            await FailAsync(plan, snapshot.Run, step, attempt.Failure!, attempt.ResolvedJson, cancellationToken);
        }
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

    private async Task FailAsync(WorkflowPlan plan, RunRecord run, StepRecord step, StepFailure failure, string? resolvedJson, CancellationToken cancellationToken)
    {
        var decision = FailurePolicy.Decide(plan, step, failure, clock.GetUtcNow().UtcDateTime, Random.Shared);
        switch (decision.Action)
        {
            case FailureAction.Retry:
                if (!await Finish(step, new StepOutcome(StepStatus.Failed, resolvedJson, null, null, decision.Error), cancellationToken))
                {
                    return; // the run was cancelled meanwhile
                }

                var at = decision.RetryAt!.Value;
                var next = await runs.AddStepsAsync(step.RunId, [new NewStep(step.NodeId, step.Scope, step.Attempt + 1, StepStatus.Waiting, at)], clock.GetUtcNow().UtcDateTime, cancellationToken);
                foreach (var added in next)
                {
                    await dispatcher.DispatchAsync(added.Id, at, cancellationToken);
                }

                return;

            case FailureAction.ErrorPort:
                var outcome = new StepOutcome(StepStatus.Failed, resolvedJson, decision.ErrorOutputJson, PortDescriptor.Error.Name, decision.Error);
                if (await Finish(step, outcome, cancellationToken))
                {
                    await advancer.AdvanceAsync(step.RunId, cancellationToken);
                }

                return;

            default:
                if (await Finish(step, new StepOutcome(StepStatus.Failed, resolvedJson, null, null, decision.Error), cancellationToken))
                {
                    await advancer.EndAsync(run, RunStatus.Failed, null, decision.Error, cancellationToken);
                }

                return;
        }
    }

    private Task<bool> Finish(StepRecord step, StepOutcome outcome, CancellationToken cancellationToken) =>
        runs.FinishStepAsync(step.Id, outcome, clock.GetUtcNow().UtcDateTime, cancellationToken);
}
