using FlowDesigner.Model.Runs;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// After a step ends: asks the planner what comes next, records it, hands back the ready steps, and ends the run
/// when nothing is left. Safe to run twice or on two nodes at once: every write is conditional or deduplicated.
/// </summary>
public sealed class RunAdvancer(
    IRunStore runs,
    PlanCache plans,
    RunCompletions completions,
    ParentSteps parents,
    TimeProvider clock,
    ILogger<RunAdvancer> logger)
{
    /// <returns>The steps that became ready; the caller runs them inline or dispatches them.</returns>
    public async Task<IReadOnlyList<StepRecord>> AdvanceAsync(Guid runId, CancellationToken cancellationToken)
    {
        var ready = new List<StepRecord>();
        // Skips and finished loops can unlock further steps; plan again until only dispatched work remains.
        for (var round = 0; round < 100; round++)
        {
            var snapshot = await runs.GetSnapshotAsync(runId, cancellationToken);
            if (snapshot is null || snapshot.Run.IsTerminal || snapshot.Run.VersionId is not { } versionId)
            {
                return ready;
            }

            var plan = await plans.GetAsync(versionId, cancellationToken);
            var decision = RunPlanner.Plan(plan, snapshot.Steps);
            if (decision.RunEnded)
            {
                await EndAsync(snapshot.Run, RunStatus.Succeeded, decision.Output.GetRawText(), null, cancellationToken);
                return ready;
            }

            // Loop results first: the steps after a loop read them as soon as they are dispatched.
            var loopsDone = 0;
            foreach (var loop in decision.FinishedLoops)
            {
                loopsDone += await runs.MarkLoopDoneAsync(loop.StepId, loop.Results.GetRawText(), cancellationToken) ? 1 : 0;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var added = await runs.AddStepsAsync(runId, decision.NewSteps, now, cancellationToken);
            ready.AddRange(added.Where(s => s.Status == StepStatus.Pending));

            if (loopsDone == 0 && !added.Any(s => s.Status == StepStatus.Skipped))
            {
                return ready;
            }
        }

        logger.LogError("Run {RunId} kept changing after 100 planning rounds; it is left for the recovery sweep", runId);
        return ready;
    }

    /// <summary>Ends the run once, wakes whoever waits for it, and resumes the step of a parent run that called it.</summary>
    public async Task EndAsync(RunRecord run, RunStatus status, string? outputJson, string? error, CancellationToken cancellationToken)
    {
        if (!await runs.FinishRunAsync(run.Id, status, outputJson, error, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return;
        }

        logger.LogInformation("Run {RunId} {Status}", run.Id, status);
        completions.Notify(run.Id);
        if (run.ParentStepId is { } parentStepId)
        {
            await parents.ResumeAsync(parentStepId, status, outputJson, error, cancellationToken);
        }
    }
}
