using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Columns;
using FlowDesigner.Persistence.Entities;
using FlowDesigner.Persistence.Sql;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

/// <summary>
/// Runs and their steps. A run's start and its advances (the hot path) go through the database's run writer;
/// the rarer transitions (a job's claim, a retry, a cancel) are single EF statements, the same on either database.
/// </summary>
internal sealed partial class RunStore(IDbContextFactory<FlowDbContext> contextFactory, WriteGate gate, IRunWriter writer, StepIdSequence stepIds, StepHistoryConversion history) : IRunStore
{
    private static readonly StepStatus[] Unfinished = [StepStatus.Pending, StepStatus.Running, StepStatus.Waiting];
    private static readonly RunStatus[] Ended = [RunStatus.Succeeded, RunStatus.Failed, RunStatus.Cancelled];

    // Written as the runs' status index filter reads, so that recovery's looks use that (partial) index.
    private static readonly RunStatus[] UnfinishedRuns = [RunStatus.Pending, RunStatus.Running, RunStatus.Waiting];

    public async Task<RunStart> StartRunAsync(NewRun run, DateTime now, CancellationToken cancellationToken)
    {
        var eventId = run.EventId ?? TimeOrderedId.New();
        var runId = TimeOrderedId.New();
        var correlationId = run.CorrelationId ?? eventId;
        var trigger = new StepRecord(0, runId, run.TriggerNodeId, "", 1, StepStatus.Succeeded, null, run.PayloadJson, "out", null, null, now, now);
        long triggerId;
        try
        {
            // The payload is stored once, in the event: the trigger step's output refers to it.
            triggerId = await writer.StartAsync(
                new RunStartRows(eventId, run.EventId is not null, runId, correlationId, run, trigger with { OutputJson = StoredOutput.EventPayload }, now),
                cancellationToken);
        }
        catch (Exception exception) when (run.DedupeKey is not null && UniqueViolation.Is(exception))
        {
            // A run with the same key is stored (the unique index says so, without a look first that every keyed
            // delivery would pay for): answer with that run.
            return new RunStart((await FindDuplicateAsync(run, cancellationToken))!.Value, IsDuplicate: true);
        }

        trigger = trigger with { Id = triggerId };
        var record = new RunRecord(
            runId, run.WorkflowId, run.VersionId, run.VersionNumber, RunStatus.Pending, run.Cause, correlationId, null, null, run.ParentStepId, now, null, null)
        {
            Holder = run.Holder,
            Title = run.Title,
        };
        return new RunStart(runId, IsDuplicate: false) { Snapshot = new RunSnapshot(record, [trigger]) };
    }

    public async Task<RunSnapshot?> GetSnapshotAsync(Guid runId, CancellationToken cancellationToken)
    {
        await history.EnsureRunAsync(runId, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await FindRunAsync(db, runId, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var steps = await WithPayloads(db, db.StepRuns.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.Id)).ToListAsync(cancellationToken);
        return new RunSnapshot(run, OutputReferences.Resolve(await WithReusedAsync(run, steps.Select(ToRecord).ToList(), cancellationToken)));
    }

    public async Task<RunRecord?> FindRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await FindRunAsync(db, runId, cancellationToken);
    }

    public async Task<Guid?> FindRunOfStepAsync(long stepId, CancellationToken cancellationToken)
    {
        await history.EnsureStepAsync(stepId, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.StepRuns.Where(s => s.Id == stepId).Select(s => (Guid?)s.RunId).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<StepRecord?> FindStepAsync(long stepId, CancellationToken cancellationToken)
    {
        await history.EnsureStepAsync(stepId, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var step = await WithPayloads(db, db.StepRuns.AsNoTracking().Where(s => s.Id == stepId)).SingleOrDefaultAsync(cancellationToken);
        if (step is null)
        {
            return null;
        }

        var record = ToRecord(step);
        return OutputReferences.IsReference(record)
            ? (await GetSnapshotAsync(record.RunId, cancellationToken))?.Steps.Single(s => s.Id == stepId) // its output refers to another step's
            : record;
    }

    public async Task<IReadOnlyList<UnfinishedStep>> FindUnfinishedStepsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.StepRuns.AsNoTracking()
            .Where(s => Unfinished.Contains(s.Status))
            .Join(db.Runs.Where(r => UnfinishedRuns.Contains(r.Status)), s => s.RunId, r => r.Id, (s, r) => s)
            .Select(s => new UnfinishedStep(s.Id, s.RunId, s.Status, s.ScheduledAt, StepTimes.Started(s.StartedAt), s.JobId))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RunRecord>> ListRunsAsync(Guid workflowId, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db.Runs.AsNoTracking().Where(r => r.WorkflowId == workflowId).OrderByDescending(r => r.Id).Skip(skip).Take(take))
            .ToListAsync(cancellationToken);
    }

    public async Task<RunPage> FindRunsAsync(RunFilter filter, Guid? after, int take, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var runs = db.Runs.AsNoTracking();
        if (filter.WorkflowId is { } workflowId)
        {
            runs = runs.Where(r => r.WorkflowId == workflowId);
        }

        if (filter.Statuses is [RunStatus.Failed])
        {
            // Written as the failed runs' partial index reads: SQLite uses it for "Status" = 4, not for IN (4).
            runs = runs.Where(r => r.Status == RunStatus.Failed);
        }
        else if (filter.Statuses.Count > 0)
        {
            var statuses = filter.Statuses.ToArray();
            runs = runs.Where(r => EF.Constant(statuses).Contains(r.Status));
        }

        if (filter.Causes.Count > 0)
        {
            var causes = filter.Causes.ToArray();
            runs = runs.Where(r => EF.Constant(causes).Contains(r.Cause));
        }

        // A time range is a range of ids, read by whichever index gives the list's order (see IdTimeRange).
        if (filter.From is { } from)
        {
            var lowest = IdTimeRange.Lowest(from);
            runs = runs.Where(r => r.Id.CompareTo(lowest) >= 0 && r.CreatedAt >= from);
        }

        if (filter.To is { } to)
        {
            var above = IdTimeRange.Above(to);
            runs = runs.Where(r => r.Id.CompareTo(above) < 0 && r.CreatedAt < to);
        }

        if (!string.IsNullOrWhiteSpace(filter.TitlePrefix))
        {
            // A range of the lower-cased titles, which their index reads on any database, unlike LIKE and its collations.
            var (low, high) = TitleRange(RunTitle.SearchKey(filter.TitlePrefix.Trim()));
            runs = runs.Where(r => r.TitleKey!.CompareTo(low) >= 0 && r.TitleKey.CompareTo(high) < 0);
        }

        if (filter.Id is { } id)
        {
            // The run itself, or the chain the id names: its first run by its event, the others by the chain index.
            runs = runs.Where(r => r.Id == id || r.EventId == id || (r.CorrelationId == id && (r.EventId == null || r.CorrelationId != r.EventId)));
        }

        if (after is { } cursor)
        {
            runs = runs.Where(r => r.Id.CompareTo(cursor) < 0);
        }

        var newest = runs.OrderByDescending(r => r.Id).Take(take + 1);
        if (!string.IsNullOrWhiteSpace(filter.TitlePrefix))
        {
            // The titles that begin so are in title order: their ids are sorted from the title index alone (it holds
            // them), and only the page's runs are read, rather than every match before the sort (100 ms for 110,000).
            var ids = newest.Select(r => r.Id);
            newest = db.Runs.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderByDescending(r => r.Id);
        }

        var page = await Project(newest).ToListAsync(cancellationToken);
        return page.Count > take ? new RunPage(page[..take], page[take - 1].Id) : new RunPage(page, null);
    }

    /// <summary>The keys that begin with the prefix lie from it up to (not including) it with its last character the next one.</summary>
    private static (string Low, string High) TitleRange(string prefix) =>
        (prefix, prefix[..^1] + (char)(prefix[^1] + 1));

    private static Task<RunRecord?> FindRunAsync(FlowDbContext db, Guid runId, CancellationToken cancellationToken) =>
        Project(db.Runs.AsNoTracking().Where(r => r.Id == runId)).SingleOrDefaultAsync(cancellationToken);

    internal static IQueryable<RunRecord> Project(IQueryable<RunEntity> runs) => runs.Select(r => new RunRecord(
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
        r.FinishedAt)
    {
        Holder = r.HolderId,
        MendsRunId = r.MendsRunId,
        Title = r.Title,
    });

    private async Task<Guid?> FindDuplicateAsync(NewRun run, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking()
            .Where(r => r.WorkflowId == run.WorkflowId && r.DedupeKey == run.DedupeKey)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static StepRunEntity ToEntity(StepRecord s) => new()
    {
        Id = s.Id,
        RunId = s.RunId,
        NodeId = s.NodeId,
        Scope = s.Scope,
        Attempt = s.Attempt,
        Status = s.Status,
        InputJson = s.InputJson,
        OutputJson = s.OutputJson,
        Port = StepPorts.Stored(s.Status, s.Port),
        Error = s.Error,
        ScheduledAt = s.ScheduledAt,
        StartedAt = StepTimes.Started(s.StartedAt),
        FinishedAt = StepTimes.Finished(s.StartedAt, s.FinishedAt),
    };

    /// <summary>The steps with their run's event payload beside each one whose output is that payload (read in the same query).</summary>
    private static IQueryable<StoredStep> WithPayloads(FlowDbContext db, IQueryable<StepRunEntity> steps) => steps.Select(s => new StoredStep(
        s,
        s.OutputJson == StoredOutput.EventPayload ? db.Runs.Where(r => r.Id == s.RunId).Select(r => r.Event!.PayloadJson).FirstOrDefault() : null));

    private sealed record StoredStep(StepRunEntity Step, string? EventPayload);

    private static StepRecord ToRecord(StoredStep stored) =>
        stored.EventPayload is null ? ToRecord(stored.Step) : ToRecord(stored.Step) with { OutputJson = stored.EventPayload };

    private static StepRecord ToRecord(StepRunEntity s) => new(
        s.Id, s.RunId, s.NodeId, s.Scope, s.Attempt, s.Status, s.InputJson, s.OutputJson, StepPorts.Read(s.Status, s.Port), s.Error, s.ScheduledAt,
        StepTimes.Started(s.StartedAt), StepTimes.Finished(s.StartedAt, s.FinishedAt));
}
