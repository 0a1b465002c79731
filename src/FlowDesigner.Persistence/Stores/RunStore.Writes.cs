using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Columns;
using FlowDesigner.Persistence.Configuration;
using FlowDesigner.Persistence.Entities;
using FlowDesigner.Persistence.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

/// <summary>The run store's writes: step attempts, advances of a run, and its end. Each is one conditional statement or transaction.</summary>
internal sealed partial class RunStore
{
    public async Task<IReadOnlyList<StepRecord>> AddStepsAsync(Guid runId, IReadOnlyList<NewStep> steps, DateTime now, CancellationToken cancellationToken)
    {
        await history.EnsureRunAsync(runId, cancellationToken);
        for (var tries = 0; ; tries++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var existing = (await db.StepRuns.AsNoTracking().Where(s => s.RunId == runId)
                    .Select(s => new { s.NodeId, s.Scope, s.Attempt }).ToListAsync(cancellationToken))
                .Select(s => (s.NodeId, s.Scope, s.Attempt)).ToHashSet();
            var added = steps
                .Where(s => existing.Add((s.NodeId, s.Scope, s.Attempt)))
                .Select(s => new StepRecord(
                    stepIds.Next(), runId, s.NodeId, s.Scope, s.Attempt, s.Status, null, null, null, null,
                    s.ScheduledAt, null, s.Status == StepStatus.Skipped ? now : null))
                .ToList();
            db.StepRuns.AddRange(added.Select(ToEntity));
            try
            {
                using (await gate.EnterAsync(cancellationToken))
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return added;
            }
            catch (DbUpdateException exception) when (IsUniqueViolation(exception) && tries < 5)
            {
                // Another worker added some of the same steps at the same moment (two branches reaching a join).
            }
        }
    }

    public async Task<StepRecord?> ClaimStepAsync(long stepId, DateTime now, CancellationToken cancellationToken)
    {
        await history.EnsureStepAsync(stepId, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        using var writing = await gate.EnterAsync(cancellationToken);
        var claimed = await db.StepRuns
            .Where(s => s.Id == stepId)
            .Where(s => s.Status == StepStatus.Pending || (s.Status == StepStatus.Waiting && s.ScheduledAt <= now))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, StepStatus.Running).SetProperty(s => s.StartedAt, now.Ticks), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        var step = await db.StepRuns.AsNoTracking().SingleAsync(s => s.Id == stepId, cancellationToken);
        return ToRecord(step);
    }

    public async Task<bool> FinishStepAsync(long stepId, StepOutcome outcome, DateTime now, CancellationToken cancellationToken)
    {
        await history.EnsureStepAsync(stepId, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        using var writing = await gate.EnterAsync(cancellationToken);
        long? finishedAt = outcome.Status == StepStatus.Waiting ? null : now.Ticks;
        var scheduledAt = outcome.ScheduledAt;
        var updated = await db.StepRuns
            .Where(s => s.Id == stepId && (s.Status == StepStatus.Running || s.Status == StepStatus.Waiting))
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, outcome.Status)
                .SetProperty(s => s.InputJson, outcome.InputJson)
                .SetProperty(s => s.OutputJson, outcome.OutputJson)
                .SetProperty(s => s.Port, StepPorts.Stored(outcome.Status, outcome.Port))
                .SetProperty(s => s.Error, outcome.Error)
                .SetProperty(s => s.ScheduledAt, s => scheduledAt ?? s.ScheduledAt)
                .SetProperty(s => s.FinishedAt, s => finishedAt - (s.StartedAt ?? 0)), cancellationToken); // see StepTimes
        return updated == 1;
    }

    public async Task<IReadOnlyList<StepRecord>?> CommitAsync(Guid runId, RunChanges changes, DateTime now, CancellationToken cancellationToken)
    {
        // Outputs that repeat a value of the run are stored as references to it, worked out here rather than on the
        // writer's one thread; the caller gets its rows back as it wrote them, with the ids they were given.
        var (steps, loops, completed) = OutputReferences.Encode(changes.Earlier, changes.NewSteps, changes.FinishedLoops, changes.Completed);
        var stored = changes with { NewSteps = steps, FinishedLoops = loops, Completed = completed };
        var ids = new long[steps.Count];
        try
        {
            await writer.WriteAsync(statements => Commit(statements, runId, stored, ids, now), durable: false);
            return changes.NewSteps.Select((step, i) => step with { Id = ids[i] }).ToList();
        }
        catch (WriteConflictException)
        {
            return null;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == UniqueViolation)
        {
            return null; // another worker recorded some of these steps first
        }
    }

    /// <param name="ids">Filled with the ids given to the new steps, drawn here on the writer's thread in the order rows are written.</param>
    private bool Commit(RunStatements statements, Guid runId, RunChanges changes, long[] ids, DateTime now)
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

    public async Task SetStepJobAsync(long stepId, string jobId, CancellationToken cancellationToken)
    {
        await history.EnsureStepAsync(stepId, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        using var writing = await gate.EnterAsync(cancellationToken);
        await db.StepRuns.Where(s => s.Id == stepId).ExecuteUpdateAsync(u => u.SetProperty(s => s.JobId, jobId), cancellationToken);
    }

    public async Task<bool> FinishRunAsync(Guid runId, RunStatus status, string? outputJson, string? error, DateTime now, CancellationToken cancellationToken)
    {
        await history.EnsureRunAsync(runId, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        using var writing = await gate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.Runs
            .Where(r => r.Id == runId && !Ended.Contains(r.Status))
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, status)
                .SetProperty(r => r.OutputJson, outputJson)
                .SetProperty(r => r.Error, error)
                .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.HolderId, (Guid?)null), cancellationToken);
        if (updated == 1)
        {
            var reason = status == RunStatus.Cancelled ? error : "The run ended before this step ran.";
            await CancelUnfinishedStepsAsync(db, runId, reason, now, cancellationToken);
            await CountEndAsync(db, runId, status, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return updated == 1;
    }

    /// <summary>Counts a run's end in its workflow's rollups and tells the feed, as the run writer does for its batches.</summary>
    private static async Task CountEndAsync(FlowDbContext db, Guid runId, RunStatus status, DateTime now, CancellationToken cancellationToken)
    {
        var workflowId = await db.Runs.Where(r => r.Id == runId).Select(r => r.WorkflowId).SingleAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            RunRollupConfiguration.CountEnds,
            [
                new SqliteParameter("$workflow", IdBytes.Of(workflowId)),
                new SqliteParameter("$minute", now.Ticks / TimeSpan.TicksPerMinute),
                new SqliteParameter("$succeeded", status == RunStatus.Succeeded ? 1 : 0),
                new SqliteParameter("$failed", status == RunStatus.Failed ? 1 : 0),
                new SqliteParameter("$cancelled", status == RunStatus.Cancelled ? 1 : 0),
            ],
            cancellationToken);
        db.RunChanges.Add(new RunChangeEntity { RunIds = IdBytes.Of(runId) });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Task<int> CancelUnfinishedStepsAsync(FlowDbContext db, Guid runId, string? reason, DateTime now, CancellationToken cancellationToken) =>
        db.StepRuns
            .Where(s => s.RunId == runId && Unfinished.Contains(s.Status))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, StepStatus.Cancelled).SetProperty(s => s.Error, reason)
                .SetProperty(s => s.FinishedAt, s => now.Ticks - (s.StartedAt ?? 0)), cancellationToken); // see StepTimes

    public async Task<bool> RequeueStepAsync(long stepId, CancellationToken cancellationToken)
    {
        await history.EnsureStepAsync(stepId, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        using var writing = await gate.EnterAsync(cancellationToken);
        var updated = await db.StepRuns.Where(s => s.Id == stepId && s.Status == StepStatus.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, StepStatus.Pending).SetProperty(s => s.JobId, (string?)null), cancellationToken);
        return updated == 1;
    }
}
