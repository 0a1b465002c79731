using FlowDesigner.Model.Runs;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// Moves a run forward: plans what comes next from a fresh read of the run, executes it in memory (see
/// <see cref="InMemoryAdvance"/>), and writes the rows of the advance in one transaction, about once a second while it is
/// long and at the end. Steps that only run as jobs, delays and retries are dispatched after the write, and the run
/// is ended when nothing is left. One process advances a run at a time (see <see cref="HeldRuns"/>); if a worker
/// elsewhere wrote some of the same steps first, nothing is written and the run is planned again from a fresh read.
/// </summary>
public sealed class RunAdvancer(
    IRunStore runs,
    PlanCache plans,
    InMemoryAdvance inMemory,
    HeldRuns held,
    EngineNode node,
    StepDispatcher dispatcher,
    RunCompletions completions,
    ParentSteps parents,
    EngineMetrics metrics,
    TimeProvider clock,
    ILogger<RunAdvancer> logger)
{
    private static readonly TimeSpan FlushAfter = TimeSpan.FromSeconds(1);

    /// <param name="completed">A step that just succeeded in a job, written together with what it makes ready.</param>
    /// <param name="known">The run as the caller just read it, used for the first round instead of reading it again.</param>
    /// <returns>The run's end when this advance ended it.</returns>
    public async Task<RunEnd?> AdvanceAsync(Guid runId, CancellationToken cancellationToken, StepRecord? completed = null, RunSnapshot? known = null)
    {
        while (!held.TryEnter(runId))
        {
            if (completed is null)
            {
                return null; // the holder plans once more before it lets go
            }

            // Written first, so the holder's next plan sees it; then ask again in case the holder has let go.
            await runs.FinishStepAsync(completed.Id, OutcomeOf(completed), Now, cancellationToken);
            (completed, known) = (null, null);
        }

        try
        {
            do
            {
                if (await AdvanceHeldAsync(runId, completed, known, cancellationToken) is { } end)
                {
                    held.Exit(runId);
                    return end;
                }

                (completed, known) = (null, null);
            }
            while (!held.TryExit(runId));

            return null;
        }
        catch
        {
            held.Exit(runId);
            await ReleaseAsync(runId);
            throw;
        }
    }

    /// <summary>Ends the run once (cancelling its unfinished steps), wakes whoever waits for it, and resumes a calling run's step.</summary>
    public async Task EndAsync(RunRecord run, RunStatus status, string? outputJson, string? error, CancellationToken cancellationToken)
    {
        if (await runs.FinishRunAsync(run.Id, status, outputJson, error, Now, cancellationToken))
        {
            await AfterEndAsync(run, new RunEnd(status, outputJson, error), cancellationToken);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static StepOutcome OutcomeOf(StepRecord step) => new(step.Status, step.InputJson, step.OutputJson, step.Port, null);

    private async Task<RunEnd?> AdvanceHeldAsync(Guid runId, StepRecord? completed, RunSnapshot? known, CancellationToken cancellationToken)
    {
        var conflicts = 0;
        while (conflicts < 10)
        {
            var snapshot = known ?? await runs.GetSnapshotAsync(runId, cancellationToken);
            known = null;
            if (snapshot is null || snapshot.Run.IsTerminal || snapshot.Run.VersionId is not { } versionId)
            {
                return null;
            }

            if (snapshot.Run.Holder is { } holder && holder != node.Id)
            {
                return await LeaveToHolderAsync(completed, cancellationToken);
            }

            if (completed is not null)
            {
                // Until it is written, the step's success is applied to whatever was read.
                snapshot = snapshot with { Steps = [.. snapshot.Steps.Where(s => s.Id != completed.Id), completed] };
            }

            var plan = await plans.GetAsync(versionId, cancellationToken);
            var began = Now;
            var (planned, more) = await inMemory.AdvanceAsync(plan, snapshot, FlushAfter, cancellationToken);
            var changes = planned with { Completed = completed, Holder = node.Id, Earlier = snapshot.Steps, Began = began };
            if (changes.IsEmpty)
            {
                await ReleaseAsync(runId); // taken over, or planned again after a write: nothing to do until a step ends
                return null;
            }

            // This is the last write of the hold unless the advance goes on, or another step of the run was in flight
            // when it was read: that step's worker may have written its result after this read, and one of the two
            // must see both, so the run is planned once more.
            var last = changes.End is null && !more && IsLastWrite(snapshot, changes);
            changes = last ? changes with { LetGo = true } : changes;
            IReadOnlyList<StepRecord>? written;
            try
            {
                written = await runs.CommitAsync(runId, changes, Now, cancellationToken);
            }
            catch (RunHeldElsewhereException)
            {
                return await LeaveToHolderAsync(completed, cancellationToken);
            }

            if (written is null)
            {
                conflicts++;
                continue;
            }

            completed = null;
            await DispatchAsync(written, cancellationToken);
            if (changes.End is { } end)
            {
                await AfterEndAsync(snapshot.Run, end, cancellationToken);
                return end;
            }

            if (last)
            {
                return null;
            }
        }

        logger.LogError("Run {RunId} kept changing under 10 planning rounds; it is left for the recovery sweep", runId);
        return null;
    }

    /// <summary>Whether no step of the run but those this advance adds was in flight when the run was read.</summary>
    private static bool IsLastWrite(RunSnapshot snapshot, RunChanges changes)
    {
        var ours = changes.NewSteps.Select(s => s.Id).ToHashSet();
        return !snapshot.Steps.Any(s => !s.IsTerminal && !ours.Contains(s.Id));
    }

    /// <summary>Only the holder advances a run: a step that ended here is written for the holder's next plan to see.</summary>
    private async Task<RunEnd?> LeaveToHolderAsync(StepRecord? completed, CancellationToken cancellationToken)
    {
        if (completed is not null)
        {
            await runs.FinishStepAsync(completed.Id, OutcomeOf(completed), Now, cancellationToken);
        }

        return null;
    }

    private async Task DispatchAsync(IReadOnlyList<StepRecord> written, CancellationToken cancellationToken)
    {
        foreach (var step in written)
        {
            if (step.Status == StepStatus.Pending)
            {
                await dispatcher.DispatchAsync(step.Id, null, cancellationToken);
            }
            else if (step is { Status: StepStatus.Waiting, ScheduledAt: { } at })
            {
                await dispatcher.DispatchAsync(step.Id, at, cancellationToken);
            }
        }
    }

    private async Task AfterEndAsync(RunRecord run, RunEnd end, CancellationToken cancellationToken)
    {
        logger.LogDebug("Run {RunId} {Status}", run.Id, end.Status);
        metrics.RunEnded(run.WorkflowId, end.Status);
        completions.Notify(run.Id);
        if (run.ParentStepId is { } parentStepId)
        {
            await parents.ResumeAsync(parentStepId, end.Status, end.OutputJson, end.Error, cancellationToken);
        }
    }

    /// <summary>Lets go of the run (after a failed or interrupted advance too), so that any node may write its next advance.</summary>
    private async Task ReleaseAsync(Guid runId)
    {
        try
        {
            await runs.ReleaseRunsAsync(node.Id, [runId], CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Run {RunId} could not be let go; another node takes it over once this node's heartbeat is old", runId);
        }
    }
}
