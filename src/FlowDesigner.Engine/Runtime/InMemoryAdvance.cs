using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// Plans a run forward in memory and executes what becomes ready, pass after pass: the steps of one pass run
/// concurrently (the lines of an order call their systems at the same time). Nothing is written here; the rows
/// come back finished (succeeded, failed, skipped), waiting (a delay, a retry's back-off) or pending (a node that
/// only runs as a job), with the run's end once the planner sees it.
/// </summary>
public sealed class InMemoryAdvance(StepExecution execution, TimeProvider clock)
{
    /// <param name="flushAfter">After this long, the rows so far are returned (with <c>More</c>) so that progress is written.</param>
    public async Task<(RunChanges Changes, bool More)> AdvanceAsync(WorkflowPlan plan, RunSnapshot snapshot, TimeSpan flushAfter, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var added = new List<StepRecord>();
        var loops = new List<LoopResults>();
        var view = RunView.Of(plan, snapshot);
        while (true)
        {
            var decision = RunPlanner.Plan(plan, view.State);
            if (decision.RunEnded)
            {
                return (new RunChanges(added, loops, new RunEnd(RunStatus.Succeeded, decision.Output.GetRawText(), null)), false);
            }

            foreach (var loop in decision.FinishedLoops)
            {
                var results = view.State.Outputs.Remember(loop.Results);
                var done = view.State.Step(loop.StepId) with { Port = "done", OutputJson = results };
                view.State.Record(done);
                var unwritten = added.FindIndex(s => s.Id == loop.StepId);
                if (unwritten >= 0)
                {
                    added[unwritten] = done; // the loop began in this advance: its row is written finished
                }
                else
                {
                    loops.Add(new LoopResults(loop.StepId, results));
                }
            }

            if (decision.NewSteps.Count == 0 && decision.FinishedLoops.Count == 0)
            {
                return (new RunChanges(added, loops, null), false);
            }

            var outcomes = await Task.WhenAll(decision.NewSteps.Select(next => RowsForAsync(plan, view, next, cancellationToken)));
            foreach (var (rows, _) in outcomes)
            {
                added.AddRange(rows);
                foreach (var row in rows)
                {
                    view.State.Record(row);
                }
            }

            if (outcomes.Select(o => o.End).FirstOrDefault(e => e is not null) is { } failed)
            {
                return (new RunChanges(added, loops, failed), false);
            }

            if (added.Count > 0 && clock.GetElapsedTime(started) >= flushAfter)
            {
                return (new RunChanges(added, loops, null), true);
            }
        }
    }

    /// <summary>The rows a ready step leaves: one, or two when a failed attempt is followed by a later one; and the run's end when it failed it.</summary>
    private async Task<(StepRecord[] Rows, RunEnd? End)> RowsForAsync(WorkflowPlan plan, RunView view, NewStep next, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var row = new StepRecord(view.NewStepId(), view.Run.Id, next.NodeId, next.Scope, next.Attempt, next.Status, null, null, null, null, null, null, null);
        if (next.Status == StepStatus.Skipped)
        {
            return ([row with { FinishedAt = startedAt }], null);
        }

        if (!execution.RunsInline(plan, next.NodeId))
        {
            return ([row], null);
        }

        var attempt = await execution.AttemptAsync(plan, view, row, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var verdict = StepOutcomes.Decide(plan, row, attempt, view.State.Outputs.Remember, now, Random.Shared);
        if (verdict.Next == StepNext.WaitForRun)
        {
            // Woken by another run, which needs the row written first: such a step runs as a job instead.
            return ([row], null);
        }

        var outcome = verdict.Outcome;
        var ended = row with
        {
            Status = outcome.Status,
            InputJson = outcome.InputJson,
            OutputJson = outcome.OutputJson,
            Port = outcome.Port,
            Error = outcome.Error,
            ScheduledAt = outcome.ScheduledAt,
            StartedAt = startedAt,
            FinishedAt = outcome.Status == StepStatus.Waiting ? null : now,
        };
        return verdict.Next == StepNext.Retry
            ? ([ended, new StepRecord(view.NewStepId(), row.RunId, row.NodeId, row.Scope, row.Attempt + 1, StepStatus.Waiting, null, null, null, null, verdict.RetryAt, null, null)], null)
            : ([ended], verdict.RunEnd);
    }
}
