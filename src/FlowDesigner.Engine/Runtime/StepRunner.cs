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
    public async Task RunAsync(long stepId, CancellationToken cancellationToken)
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
        var verdict = StepOutcomes.Decide(plan, step, attempt, static output => output.GetRawText(), clock.GetUtcNow().UtcDateTime, Random.Shared);
        await FollowAsync(snapshot, step, verdict, cancellationToken);
    }

    private async Task FollowAsync(RunSnapshot snapshot, StepRecord step, StepVerdict verdict, CancellationToken cancellationToken)
    {
        var outcome = verdict.Outcome;
        switch (verdict.Next)
        {
            case StepNext.GoOn:
                var succeeded = step with
                {
                    Status = outcome.Status, InputJson = outcome.InputJson, OutputJson = outcome.OutputJson, Port = outcome.Port,
                    FinishedAt = clock.GetUtcNow().UtcDateTime,
                };
                await advancer.AdvanceAsync(step.RunId, cancellationToken, succeeded, snapshot);
                return;

            case StepNext.WaitForTime:
                await Finish(step, outcome, cancellationToken);
                await dispatcher.DispatchAsync(step.Id, outcome.ScheduledAt, cancellationToken);
                return;

            case StepNext.WaitForRun:
                await Finish(step, outcome, cancellationToken);
                return;

            case StepNext.Retry:
                if (!await Finish(step, outcome, cancellationToken))
                {
                    return; // the run was cancelled meanwhile
                }

                var next = new NewStep(step.NodeId, step.Scope, step.Attempt + 1, StepStatus.Waiting, verdict.RetryAt);
                foreach (var added in await runs.AddStepsAsync(step.RunId, [next], clock.GetUtcNow().UtcDateTime, cancellationToken))
                {
                    await dispatcher.DispatchAsync(added.Id, verdict.RetryAt, cancellationToken);
                }

                return;

            case StepNext.ErrorPort:
                if (await Finish(step, outcome, cancellationToken))
                {
                    await advancer.AdvanceAsync(step.RunId, cancellationToken);
                }

                return;

            case StepNext.FailRun:
                if (await Finish(step, outcome, cancellationToken))
                {
                    await advancer.EndAsync(snapshot.Run, RunStatus.Failed, null, outcome.Error, cancellationToken);
                }

                return;
        }
    }

    private Task<bool> Finish(StepRecord step, StepOutcome outcome, CancellationToken cancellationToken) =>
        runs.FinishStepAsync(step.Id, outcome, clock.GetUtcNow().UtcDateTime, cancellationToken);
}
