using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

internal sealed class RunStore(IDbContextFactory<FlowDbContext> contextFactory) : IRunStore
{
    private static readonly StepStatus[] Unfinished = [StepStatus.Pending, StepStatus.Running, StepStatus.Waiting];
    private static readonly RunStatus[] Ended = [RunStatus.Succeeded, RunStatus.Failed, RunStatus.Cancelled];

    public async Task<RunStart> StartRunAsync(NewRun run, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (run.DedupeKey is not null && await FindDuplicateAsync(db, run, cancellationToken) is { } earlier)
        {
            return new RunStart(earlier, IsDuplicate: true);
        }

        var eventId = Guid.CreateVersion7();
        var runId = Guid.CreateVersion7();
        db.Events.Add(new EventEntity
        {
            Id = eventId,
            Type = run.EventType,
            Source = run.EventSource,
            PayloadJson = run.PayloadJson,
            CorrelationId = run.CorrelationId,
            CausedByRunId = run.CausedByRunId,
            DedupeKey = run.DedupeKey,
            ReceivedAt = now,
        });
        db.Runs.Add(new RunEntity
        {
            Id = runId,
            WorkflowId = run.WorkflowId,
            VersionId = run.VersionId,
            EventId = eventId,
            Status = RunStatus.Pending,
            Cause = run.Cause,
            CorrelationId = run.CorrelationId,
            DedupeKey = run.DedupeKey,
            ParentStepId = run.ParentStepId,
            CreatedAt = now,
        });
        db.StepRuns.Add(new StepRunEntity
        {
            Id = Guid.CreateVersion7(),
            RunId = runId,
            NodeId = run.TriggerNodeId,
            Attempt = 1,
            Status = StepStatus.Succeeded,
            OutputJson = run.PayloadJson,
            Port = "out",
            StartedAt = now,
            FinishedAt = now,
        });
        try
        {
            // The accepted event must survive a power loss as well as a crash: this commit waits for the disk.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = FULL;", cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL;", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }

            return new RunStart(runId, IsDuplicate: false);
        }
        catch (DbUpdateException exception) when (run.DedupeKey is not null && IsUniqueViolation(exception))
        {
            // Another request with the same key committed first: answer with its run.
            await using var again = await contextFactory.CreateDbContextAsync(cancellationToken);
            return new RunStart((await FindDuplicateAsync(again, run, cancellationToken))!.Value, IsDuplicate: true);
        }
    }

    public async Task<RunSnapshot?> GetSnapshotAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await FindRunAsync(db, runId, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var steps = await db.StepRuns.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return new RunSnapshot(run, steps.Select(ToRecord).ToList());
    }

    public async Task<RunRecord?> FindRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await FindRunAsync(db, runId, cancellationToken);
    }

    public async Task<Guid?> FindRunOfStepAsync(Guid stepId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.StepRuns.Where(s => s.Id == stepId).Select(s => (Guid?)s.RunId).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<StepRecord?> FindStepAsync(Guid stepId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var step = await db.StepRuns.AsNoTracking().SingleOrDefaultAsync(s => s.Id == stepId, cancellationToken);
        return step is null ? null : ToRecord(step);
    }

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
                .Select(s => new StepRunEntity
                {
                    Id = Guid.CreateVersion7(),
                    RunId = runId,
                    NodeId = s.NodeId,
                    Scope = s.Scope,
                    Attempt = s.Attempt,
                    Status = s.Status,
                    ScheduledAt = s.ScheduledAt,
                    FinishedAt = s.Status == StepStatus.Skipped ? now : null,
                })
                .ToList();
            db.StepRuns.AddRange(added);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return added.Select(ToRecord).ToList();
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

        db.StepRuns.AddRange(changes.NewSteps.Select(s => new StepRunEntity
        {
            Id = s.Id,
            RunId = runId,
            NodeId = s.NodeId,
            Scope = s.Scope,
            Attempt = s.Attempt,
            Status = s.Status,
            InputJson = s.InputJson,
            OutputJson = s.OutputJson,
            Port = s.Port,
            Error = s.Error,
            ScheduledAt = s.ScheduledAt,
            StartedAt = s.StartedAt,
            FinishedAt = s.FinishedAt,
        }));
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

    public async Task<IReadOnlyList<UnfinishedStep>> FindUnfinishedStepsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.StepRuns.AsNoTracking()
            .Where(s => Unfinished.Contains(s.Status))
            .Join(db.Runs.Where(r => !Ended.Contains(r.Status)), s => s.RunId, r => r.Id, (s, r) => s)
            .Select(s => new UnfinishedStep(s.Id, s.RunId, s.Status, s.ScheduledAt, s.StartedAt, s.JobId))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> FindRunsToAdvanceAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking()
            .Where(r => !Ended.Contains(r.Status))
            .Where(r => !r.Steps.Any(s => Unfinished.Contains(s.Status)))
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RunRecord>> ListRunsAsync(Guid workflowId, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db.Runs.AsNoTracking().Where(r => r.WorkflowId == workflowId).OrderByDescending(r => r.CreatedAt).Skip(skip).Take(take))
            .ToListAsync(cancellationToken);
    }

    private static Task<RunRecord?> FindRunAsync(FlowDbContext db, Guid runId, CancellationToken cancellationToken) =>
        Project(db.Runs.AsNoTracking().Where(r => r.Id == runId)).SingleOrDefaultAsync(cancellationToken);

    private static IQueryable<RunRecord> Project(IQueryable<RunEntity> runs) => runs.Select(r => new RunRecord(
        r.Id,
        r.WorkflowId,
        r.VersionId,
        r.Version == null ? null : r.Version.Number,
        r.Status,
        r.Cause,
        r.CorrelationId,
        r.OutputJson,
        r.Error,
        r.ParentStepId,
        r.CreatedAt,
        r.StartedAt,
        r.FinishedAt));

    private static async Task<Guid?> FindDuplicateAsync(FlowDbContext db, NewRun run, CancellationToken cancellationToken) =>
        await db.Runs.AsNoTracking()
            .Where(r => r.WorkflowId == run.WorkflowId && r.DedupeKey == run.DedupeKey)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: 19 };

    private static StepRecord ToRecord(StepRunEntity s) => new(
        s.Id, s.RunId, s.NodeId, s.Scope, s.Attempt, s.Status, s.InputJson, s.OutputJson, s.Port, s.Error, s.ScheduledAt, s.StartedAt, s.FinishedAt);
}
