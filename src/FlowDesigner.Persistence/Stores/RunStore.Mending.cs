using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Columns;
using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

/// <summary>The run store's mending runs: written on the mended run's event, with the steps they reuse as references to that run's.</summary>
internal sealed partial class RunStore
{
    public async Task<RunStart> StartMendingRunAsync(MendingRun run, DateTime now, CancellationToken cancellationToken)
    {
        var mended = run.Mends;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var eventId = await db.Runs.Where(r => r.Id == mended.Id).Select(r => r.EventId).SingleOrDefaultAsync(cancellationToken);
        var entity = new RunEntity
        {
            Id = TimeOrderedId.New(),
            WorkflowId = mended.WorkflowId,
            VersionId = run.VersionId,
            EventId = eventId,
            Status = RunStatus.Pending,
            Cause = run.Cause,
            CorrelationId = mended.CorrelationId,
            CreatedAt = now,
            HolderId = run.Holder,
            MendsRunId = mended.Id,
            Title = mended.Title,
            TitleKey = mended.Title is null ? null : RunTitle.SearchKey(mended.Title),
        };

        // Each reused step is written succeeded at the run's start, as a reference to the step it reuses: its result is
        // not stored again, and its time is the mended run's.
        var reused = new List<StepRecord>(run.Reused.Count);
        var ids = await stepIds.TakeAsync(run.Reused.Count, cancellationToken);
        for (var i = 0; i < run.Reused.Count; i++)
        {
            var source = run.Reused[i];
            var copy = new StepRecord(
                ids[i], entity.Id, source.NodeId, source.Scope, 1, StepStatus.Succeeded, source.InputJson, source.OutputJson, source.Port, null, null, now, now)
            {
                ReusedFromStepId = source.Id,
            };
            reused.Add(copy);
            var stored = ToEntity(copy with { InputJson = null, OutputJson = i == 0 ? StoredOutput.EventPayload : StoredOutput.Reused(source.Id) });
            entity.Steps.Add(stored);
        }

        db.Runs.Add(entity);
        db.RunChanges.Add(new RunChangeEntity { RunIds = IdBytes.Of(entity.Id) }); // a new run on the pages that show its workflow
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var record = new RunRecord(
            entity.Id, entity.WorkflowId, run.VersionId, run.VersionNumber, RunStatus.Pending, run.Cause, entity.CorrelationId, null, null, null, now, null, null)
        {
            Holder = run.Holder,
            MendsRunId = mended.Id,
            Title = mended.Title,
        };
        return new RunStart(entity.Id, IsDuplicate: false) { Snapshot = new RunSnapshot(record, reused) };
    }

    public async Task<Guid?> FindCausingRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().Where(r => r.Id == runId).Select(r => r.Event!.CausedByRunId).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> FindMendingRunsAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().Where(r => r.MendsRunId == runId).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The steps with those a mending run reuses read as the steps they reuse (input, output and port), which are the
    /// mended run's, read as that run is (so a retry of a retry reads through both).
    /// </summary>
    private async Task<IReadOnlyList<StepRecord>> WithReusedAsync(RunRecord run, IReadOnlyList<StepRecord> steps, CancellationToken cancellationToken)
    {
        if (run.MendsRunId is not { } mendedId || !steps.Any(s => StoredOutput.ReusedStep(s.OutputJson) is not null))
        {
            return steps;
        }

        var mended = (await GetSnapshotAsync(mendedId, cancellationToken))?.Steps.ToDictionary(s => s.Id);
        return steps.Select(step => StoredOutput.ReusedStep(step.OutputJson) is { } sourceId
            ? step with
            {
                InputJson = mended?.GetValueOrDefault(sourceId)?.InputJson,
                OutputJson = mended?.GetValueOrDefault(sourceId)?.OutputJson,
                ReusedFromStepId = sourceId,
            }
            : step).ToList();
    }
}
