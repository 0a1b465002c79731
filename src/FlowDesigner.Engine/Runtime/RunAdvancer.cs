using FlowDesigner.Model.Runs;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// After a step ends: plans what comes next from a fresh read of the run, runs the cheap in-process nodes that
/// become ready right there in memory (a condition, a mapping, a loop's bookkeeping), and writes all of it in one
/// transaction; the other ready steps are dispatched as jobs, and the run is ended when nothing is left.
/// If another worker wrote some of the same steps first, nothing is written and the run is planned again from a
/// fresh read; after a write it is planned once more while another step was in flight, so a branch finishing at
/// the same moment is never missed.
/// </summary>
public sealed class RunAdvancer(
    IRunStore runs,
    PlanCache plans,
    StepExecution execution,
    StepDispatcher dispatcher,
    RunCompletions completions,
    ParentSteps parents,
    TimeProvider clock,
    ILogger<RunAdvancer> logger)
{
    /// <param name="completed">A step that just succeeded in a job, written together with what it makes ready.</param>
    /// <param name="known">The run as the caller just read it, used for the first round instead of reading it again.</param>
    public async Task AdvanceAsync(Guid runId, CancellationToken cancellationToken, StepRecord? completed = null, RunSnapshot? known = null)
    {
        for (var round = 0; round < 50; round++)
        {
            var snapshot = round == 0 && known is not null ? known : await runs.GetSnapshotAsync(runId, cancellationToken);
            if (snapshot is null || snapshot.Run.IsTerminal || snapshot.Run.VersionId is not { } versionId)
            {
                return;
            }

            if (completed is not null)
            {
                // Until it is written, the step's success is applied to whatever was read.
                snapshot = snapshot with { Steps = [.. snapshot.Steps.Where(s => s.Id != completed.Id), completed] };
            }

            var plan = await plans.GetAsync(versionId, cancellationToken);
            var changes = await PlanChainAsync(plan, snapshot, cancellationToken) with { Completed = completed };
            if (changes.IsEmpty)
            {
                return;
            }

            var written = await runs.CommitAsync(runId, changes, clock.GetUtcNow().UtcDateTime, cancellationToken);
            if (written is null)
            {
                continue;
            }

            completed = null;

            foreach (var step in written.Where(s => s.Status == StepStatus.Pending))
            {
                await dispatcher.DispatchAsync(step.Id, null, cancellationToken);
            }

            if (changes.End is { } end)
            {
                await AfterEndAsync(snapshot.Run, end, cancellationToken);
                return;
            }

            // Plan once more only if another step of the run was in flight when it was read: that step's worker may
            // have written its result after this read, and one of the two must see both.
            var ours = changes.NewSteps.Select(s => s.Id).ToHashSet();
            if (!snapshot.Steps.Any(s => !s.IsTerminal && !ours.Contains(s.Id)))
            {
                return;
            }
        }

        logger.LogError("Run {RunId} kept changing after 50 planning rounds; it is left for the recovery sweep", runId);
    }

    /// <summary>Ends the run once (cancelling its unfinished steps), wakes whoever waits for it, and resumes a calling run's step.</summary>
    public async Task EndAsync(RunRecord run, RunStatus status, string? outputJson, string? error, CancellationToken cancellationToken)
    {
        if (await runs.FinishRunAsync(run.Id, status, outputJson, error, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            await AfterEndAsync(run, new RunEnd(status, outputJson, error), cancellationToken);
        }
    }

    private async Task AfterEndAsync(RunRecord run, RunEnd end, CancellationToken cancellationToken)
    {
        logger.LogInformation("Run {RunId} {Status}", run.Id, end.Status);
        completions.Notify(run.Id);
        if (run.ParentStepId is { } parentStepId)
        {
            await parents.ResumeAsync(parentStepId, end.Status, end.OutputJson, end.Error, cancellationToken);
        }
    }

    /// <summary>Plans and runs in memory until only dispatched work (or the end) remains; nothing is written here.</summary>
    private async Task<RunChanges> PlanChainAsync(WorkflowPlan plan, RunSnapshot snapshot, CancellationToken cancellationToken)
    {
        var steps = snapshot.Steps.ToList();
        var added = new List<StepRecord>();
        var loops = new List<LoopResults>();
        for (var pass = 0; pass < 10_000; pass++)
        {
            var decision = RunPlanner.Plan(plan, steps);
            if (decision.RunEnded)
            {
                return new RunChanges(added, loops, new RunEnd(RunStatus.Succeeded, decision.Output.GetRawText(), null));
            }

            foreach (var loop in decision.FinishedLoops)
            {
                var index = steps.FindIndex(s => s.Id == loop.StepId);
                steps[index] = steps[index] with { Port = "done", OutputJson = loop.Results.GetRawText() };
                loops.Add(new LoopResults(loop.StepId, loop.Results.GetRawText()));
            }

            foreach (var next in decision.NewSteps)
            {
                var row = await RowForAsync(plan, snapshot.Run, steps, next, cancellationToken);
                steps.Add(row);
                added.Add(row);
            }

            if (decision.NewSteps.Count == 0 && decision.FinishedLoops.Count == 0)
            {
                break;
            }
        }

        return new RunChanges(added, loops, null);
    }

    /// <summary>A skipped row, a finished row for a cheap node run here, or a pending row to dispatch.</summary>
    private async Task<StepRecord> RowForAsync(WorkflowPlan plan, RunRecord run, List<StepRecord> steps, NewStep next, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new StepRecord(Guid.CreateVersion7(), run.Id, next.NodeId, next.Scope, next.Attempt, next.Status, null, null, null, null, null, null, null);
        if (next.Status == StepStatus.Skipped)
        {
            return row with { FinishedAt = now };
        }

        if (!execution.RunsInline(plan, next.NodeId))
        {
            return row;
        }

        try
        {
            var (result, resolvedJson) = await execution.ExecuteAsync(plan, new RunSnapshot(run, steps), row, cancellationToken);
            if (result.WaitUntil is null)
            {
                return row with
                {
                    Status = StepStatus.Succeeded,
                    InputJson = resolvedJson,
                    OutputJson = result.Output.GetRawText(),
                    Port = result.Port,
                    StartedAt = now,
                    FinishedAt = clock.GetUtcNow().UtcDateTime,
                };
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A cheap node that fails (or waits) is left pending: its job records the failure with the usual retry
            // and error-port rules.
            logger.LogDebug(exception, "Node {NodeId} of run {RunId} goes to a job of its own", next.NodeId, run.Id);
        }

        return row;
    }
}
