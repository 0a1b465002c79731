using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

/// <summary>The run store's writes: step attempts, advances of a run, and its end. Each is one conditional statement or transaction.</summary>
internal sealed partial class RunStore
{
    public async Task<IReadOnlyList<StepRecord>> AddStepsAsync(Guid runId, IReadOnlyList<NewStep> steps, DateTime now, CancellationToken cancellationToken)
    {
        for (var tries = 0; ; tries++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var existing = (await db.StepRuns.AsNoTracking().Where(s => s.RunId == runId)
                    .Select(s => new { s.NodeId, s.Scope, s.Attempt }).ToListAsync(cancellationToken))
                .Select(s => (s.NodeId, s.Scope, s.Attempt)).ToHashSet();
            var added = steps
                .Where(s => existing.Add((s.NodeId, s.Scope, s.Attempt)))
                .Select(s => new StepRecord(
                    Guid.CreateVersion7(), runId, s.NodeId, s.Scope, s.Attempt, s.Status, null, null, null, null,
                    s.ScheduledAt, null, s.Status == StepStatus.Skipped ? now : null))
                .ToList();
            db.StepRuns.AddRange(added.Select(ToEntity));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return added;
            }
            catch (DbUpdateException exception) when (IsUniqueViolation(exception) && tries < 5)
            {
                // Another worker added some of the same steps at the same moment (two branches reaching a join).
            }
        }
    }

    public async Task<StepRecord?> ClaimStepAsync(Guid stepId, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.StepRuns
            .Where(s => s.Id == stepId)
            .Where(s => s.Status == StepStatus.Pending || (s.Status == StepStatus.Waiting && s.ScheduledAt <= now))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, StepStatus.Running).SetProperty(s => s.StartedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        var step = await db.StepRuns.AsNoTracking().SingleAsync(s => s.Id == stepId, cancellationToken);
        return ToRecord(step);
    }

    public async Task<bool> FinishStepAsync(Guid stepId, StepOutcome outcome, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var finishedAt = outcome.Status == StepStatus.Waiting ? (DateTime?)null : now;
        var scheduledAt = outcome.ScheduledAt;
        var updated = await db.StepRuns
            .Where(s => s.Id == stepId && (s.Status == StepStatus.Running || s.Status == StepStatus.Waiting))
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, outcome.Status)
                .SetProperty(s => s.InputJson, outcome.InputJson)
                .SetProperty(s => s.OutputJson, outcome.OutputJson)
                .SetProperty(s => s.Port, outcome.Port)
                .SetProperty(s => s.Error, outcome.Error)
                .SetProperty(s => s.ScheduledAt, s => scheduledAt ?? s.ScheduledAt)
                .SetProperty(s => s.FinishedAt, finishedAt), cancellationToken);
        return updated == 1;
    }

    public async Task<IReadOnlyList<StepRecord>?> CommitAsync(Guid runId, RunChanges changes, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var open = await db.Runs
            .Where(r => r.Id == runId && (r.Status == RunStatus.Pending || r.Status == RunStatus.Running))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RunStatus.Running).SetProperty(r => r.StartedAt, r => r.StartedAt ?? now), cancellationToken);
        if (open == 0)
        {
            return null;
        }

        if (changes.Completed is { } done)
        {
            var finished = await db.StepRuns
                .Where(s => s.Id == done.Id && s.Status == StepStatus.Running)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Status, done.Status)
                    .SetProperty(s => s.InputJson, done.InputJson)
                    .SetProperty(s => s.OutputJson, done.OutputJson)
                    .SetProperty(s => s.Port, done.Port)
                    .SetProperty(s => s.FinishedAt, now), cancellationToken);
            if (finished == 0)
            {
                return null; // no longer running: the run was cancelled meanwhile
            }
        }

        foreach (var loop in changes.FinishedLoops)
        {
            var marked = await db.StepRuns
                .Where(s => s.Id == loop.StepId && s.Status == StepStatus.Succeeded && s.Port == "each")
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Port, "done").SetProperty(s => s.OutputJson, loop.ResultsJson), cancellationToken);
            if (marked == 0)
            {
                return null; // another worker finished this loop first
            }
        }

        db.StepRuns.AddRange(changes.NewSteps.Select(ToEntity));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            return null; // another worker recorded some of these steps first
        }

        if (changes.End is { } end)
        {
            await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, end.Status)
                .SetProperty(r => r.OutputJson, end.OutputJson)
                .SetProperty(r => r.Error, end.Error)
                .SetProperty(r => r.FinishedAt, now), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changes.NewSteps;
    }

    public async Task SetStepJobAsync(Guid stepId, string jobId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.StepRuns.Where(s => s.Id == stepId).ExecuteUpdateAsync(u => u.SetProperty(s => s.JobId, jobId), cancellationToken);
    }

    public async Task<bool> FinishRunAsync(Guid runId, RunStatus status, string? outputJson, string? error, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.Runs
            .Where(r => r.Id == runId && !Ended.Contains(r.Status))
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, status)
                .SetProperty(r => r.OutputJson, outputJson)
                .SetProperty(r => r.Error, error)
                .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now)
                .SetProperty(r => r.FinishedAt, now), cancellationToken);
        if (updated == 1)
        {
            var reason = status == RunStatus.Cancelled ? error : "The run ended before this step ran.";
            await db.StepRuns
                .Where(s => s.RunId == runId && Unfinished.Contains(s.Status))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, StepStatus.Cancelled).SetProperty(s => s.Error, reason).SetProperty(s => s.FinishedAt, now), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return updated == 1;
    }

    public async Task<bool> RequeueStepAsync(Guid stepId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.StepRuns.Where(s => s.Id == stepId && s.Status == StepStatus.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, StepStatus.Pending).SetProperty(s => s.JobId, (string?)null), cancellationToken);
        return updated == 1;
    }
}
