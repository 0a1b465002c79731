using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Columns;
using FlowDesigner.Persistence.Configuration;
using FlowDesigner.Persistence.Entities;
using FlowDesigner.Persistence.Sql;
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
            var adding = steps.Where(s => existing.Add((s.NodeId, s.Scope, s.Attempt))).ToList();
            var ids = await stepIds.TakeAsync(adding.Count, cancellationToken);
            var added = adding
                .Select((s, i) => new StepRecord(
                    ids[i], runId, s.NodeId, s.Scope, s.Attempt, s.Status, null, null, null, null,
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
            catch (DbUpdateException exception) when (UniqueViolation.Is(exception) && tries < 5)
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
        try
        {
            var ids = await writer.AdvanceAsync(runId, stored, now, cancellationToken);
            return changes.NewSteps.Select((step, i) => step with { Id = ids[i] }).ToList();
        }
        catch (WriteConflictException)
        {
            return null;
        }
        catch (Exception exception) when (UniqueViolation.Is(exception))
        {
            return null; // another worker recorded some of these steps first
        }
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
                Parameter(db, "workflow", IdBytes.Of(workflowId)),
                Parameter(db, "minute", now.Ticks / TimeSpan.TicksPerMinute),
                Parameter(db, "succeeded", status == RunStatus.Succeeded ? 1 : 0),
                Parameter(db, "failed", status == RunStatus.Failed ? 1 : 0),
                Parameter(db, "cancelled", status == RunStatus.Cancelled ? 1 : 0),
            ],
            cancellationToken);
        db.RunChanges.Add(new RunChangeEntity { RunIds = IdBytes.Of(runId) });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A named parameter of the context's own database.</summary>
    private static System.Data.Common.DbParameter Parameter(FlowDbContext db, string name, object value)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
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
