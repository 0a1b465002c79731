using FlowDesigner.Model.Events;
using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Stores;

namespace FlowDesigner.Persistence.Sql;

/// <summary>SQLite's run writer: each write joins the batch writer's next group commit, in a savepoint of its own.</summary>
internal sealed class SqliteRunWriter(BatchWriter writer, StepIdSequence stepIds) : IRunWriter
{
    public Task<long> StartAsync(RunStartRows start, CancellationToken cancellationToken) =>
        // The accepted event must survive a power loss as well as a crash: this commit waits for the disk.
        writer.WriteAsync(
            statements =>
            {
                if (!start.EventStored)
                {
                    statements.InsertEvent(start.EventId, start.CorrelationId, start.Run, start.Now);
                }

                statements.InsertRun(start.RunId, start.EventId, start.CorrelationId, start.Run, start.Now);
                var triggerId = stepIds.Next();
                statements.InsertStep(start.Trigger, triggerId);
                return triggerId;
            },
            durable: true);

    public async Task<long[]> AdvanceAsync(Guid runId, RunChanges changes, DateTime now, CancellationToken cancellationToken)
    {
        var ids = new long[changes.NewSteps.Count];
        await writer.WriteAsync(statements => Advance(statements, runId, changes, ids, now), durable: false);
        return ids;
    }

    public Task RecordEventAsync(Guid eventId, NewEvent newEvent, DateTime now, CancellationToken cancellationToken) =>
        // Written by a run's step, which runs again if this is lost: it need not wait for the disk as an accepted event does.
        writer.WriteAsync(
            statements =>
            {
                statements.InsertEvent(eventId, newEvent, now);
                return true;
            },
            durable: false);

    /// <param name="ids">Filled with the ids given to the new steps, drawn here on the writer's thread in the order rows are written.</param>
    private bool Advance(RunStatements statements, Guid runId, RunChanges changes, long[] ids, DateTime now)
    {
        var began = changes.Began ?? now;
        var opened = changes.End is { } end ? statements.EndRun(runId, end, began, now, changes.Holder) : statements.OpenRun(runId, began, changes.Holder, changes.LetGo);
        if (opened == 0)
        {
            throw statements.HeldElsewhere(runId, changes.Holder) ? new RunHeldElsewhereException(runId) : new WriteConflictException(); // or it has ended
        }

        if (changes.Completed is { } done && statements.CompleteStep(done, now) == 0)
        {
            throw new WriteConflictException(); // no longer running: the run was cancelled meanwhile
        }

        foreach (var loop in changes.FinishedLoops)
        {
            if (statements.FinishLoop(loop) == 0)
            {
                throw new WriteConflictException(); // another worker finished this loop first
            }
        }

        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = stepIds.Next();
            statements.InsertStep(changes.NewSteps[i], ids[i]);
        }

        if (changes.End is { Status: not RunStatus.Succeeded })
        {
            statements.CancelUnfinished(runId, "The run ended before this step ran.", now);
        }

        return true;
    }
}
