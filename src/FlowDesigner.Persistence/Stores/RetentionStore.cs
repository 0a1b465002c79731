using FlowDesigner.Model.Retention;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Users;
using FlowDesigner.Persistence.Columns;
using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

/// <summary>
/// Retention in SQLite: the rules, a workflow's runs past them found through its (workflow, id) index, and each batch
/// deleted in one short transaction under the write gate, so that the run writer waits for one batch at most. The
/// freed pages are given back by incremental vacuum (the file is created with <c>auto_vacuum = INCREMENTAL</c>).
/// </summary>
internal sealed class RetentionStore(
    IDbContextFactory<FlowDbContext> contextFactory, WriteGate gate, IRunStore runs, StorageOptions options, TimeProvider clock) : IRetentionStore
{
    private static readonly RunStatus[] Ended = [RunStatus.Succeeded, RunStatus.Failed, RunStatus.Cancelled];

    public async Task<RetentionSettings> GetSettingsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.RetentionRules.AsNoTracking().ToListAsync(cancellationToken);
        var global = rules.FirstOrDefault(r => r.WorkflowId == Guid.Empty) is { } row ? ToRule(row) : RetentionRule.Default;
        return new RetentionSettings(global, rules.Where(r => r.WorkflowId != Guid.Empty).ToDictionary(r => r.WorkflowId, ToRule));
    }

    public async Task SaveRuleAsync(Guid? workflowId, RetentionRule rule, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var key = workflowId ?? Guid.Empty;
        var row = await db.RetentionRules.SingleOrDefaultAsync(r => r.WorkflowId == key, cancellationToken);
        if (row is null)
        {
            db.RetentionRules.Add(row = new RetentionRuleEntity { WorkflowId = key });
        }

        row.MaxAgeDays = rule.MaxAgeDays;
        row.MaxRuns = rule.MaxRuns;
        AuditLog.Add(db, "retention", key, actor, clock.GetUtcNow().UtcDateTime, "retention.changed",
            $"{(workflowId is null ? "Every workflow" : $"Workflow {workflowId}")} keeps {rule.Describe()}");
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task RemoveRuleAsync(Guid workflowId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        using var writing = await gate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.RetentionRules.Where(r => r.WorkflowId == workflowId && workflowId != Guid.Empty).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            AuditLog.Add(db, "retention", workflowId, actor, clock.GetUtcNow().UtcDateTime, "retention.changed", $"Workflow {workflowId} follows the global rule again");
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> FindWorkflowsWithRunsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // The workflows are few; each is looked up in the runs' (workflow, id) index rather than the runs scanned for them.
        return await db.Workflows.AsNoTracking().Where(w => db.Runs.Any(r => r.WorkflowId == w.Id)).Select(w => w.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> FindPrunableRunsAsync(Guid workflowId, RetentionRule rule, DateTime now, int take, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = new List<Guid>();
        if (rule.MaxAgeDays is { } days)
        {
            // Ids are time-ordered: the runs made before the cut are the ids below its floor, oldest first in the index.
            var cut = TimeOrderedId.Floor(now.AddDays(-days));
            found.AddRange(await db.Runs.AsNoTracking()
                .Where(r => r.WorkflowId == workflowId && r.Id.CompareTo(cut) < 0 && Ended.Contains(r.Status))
                .OrderBy(r => r.Id).Select(r => r.Id).Take(take).ToListAsync(cancellationToken));
        }

        if (rule.MaxRuns is { } most && found.Count < take)
        {
            found.AddRange(await db.Runs.AsNoTracking()
                .Where(r => r.WorkflowId == workflowId)
                .OrderByDescending(r => r.Id).Skip(most)
                .Where(r => Ended.Contains(r.Status))
                .Select(r => r.Id).Take(take).ToListAsync(cancellationToken));
        }

        return found.Distinct().Order().Take(take).ToList();
    }

    public async Task<PruneBatch> PruneAsync(IReadOnlyList<Guid> runIds, CancellationToken cancellationToken)
    {
        var ids = runIds.ToArray();
        await KeepReusedStepsAsync(ids, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        using var writing = await gate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ended = await db.Runs.Where(r => ids.Contains(r.Id) && Ended.Contains(r.Status)).Select(r => new { r.Id, r.EventId }).ToListAsync(cancellationToken);
        var endedIds = ended.Select(r => r.Id).ToArray();
        var emitted = await db.Events.Where(e => e.CausedByRunId != null && endedIds.Contains(e.CausedByRunId.Value)).Select(e => e.Id).ToListAsync(cancellationToken);
        var eventIds = ended.Where(r => r.EventId is not null).Select(r => r.EventId!.Value).Concat(emitted).Distinct().ToArray();
        var steps = await db.StepRuns.Where(s => endedIds.Contains(s.RunId)).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Runs.Where(r => endedIds.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        // An event goes with its last run: one a run still refers to (a retry runs on its run's event) stays.
        var events = await db.Events.Where(e => eventIds.Contains(e.Id) && !db.Runs.Any(r => r.EventId == e.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PruneBatch(deleted, steps, events, ids.Length - deleted);
    }

    /// <summary>
    /// A run that mends one about to be pruned reads its reused steps through that run (<see cref="StoredOutput.ReusedPrefix"/>):
    /// each is given the input and output it reads now, so it reads whole without the run it mended.
    /// </summary>
    private async Task KeepReusedStepsAsync(Guid[] pruned, CancellationToken cancellationToken)
    {
        List<Guid> menders;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var mendedIds = pruned.Select(id => (Guid?)id).ToArray();
            menders = await db.Runs.AsNoTracking().Where(r => mendedIds.Contains(r.MendsRunId) && !pruned.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        }

        foreach (var mender in menders)
        {
            if (await runs.GetSnapshotAsync(mender, cancellationToken) is not { } snapshot)
            {
                continue;
            }

            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            using var writing = await gate.EnterAsync(cancellationToken);
            foreach (var step in snapshot.Steps.Where(s => s.ReusedFromStepId is not null))
            {
                await db.StepRuns.Where(s => s.Id == step.Id && s.OutputJson!.StartsWith(StoredOutput.ReusedPrefix))
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.InputJson, step.InputJson).SetProperty(s => s.OutputJson, step.OutputJson), cancellationToken);
            }
        }
    }

    public async Task<long> ReclaimAsync(int pages, CancellationToken cancellationToken)
    {
        if (options.IsPostgreSql)
        {
            return 0; // PostgreSQL's autovacuum makes the space of deleted rows reusable
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var before = await PragmaAsync(db, "freelist_count", cancellationToken);
        var vacuum = "PRAGMA incremental_vacuum(" + pages.ToString(System.Globalization.CultureInfo.InvariantCulture) + ");"; // a PRAGMA takes no parameters
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync(vacuum, cancellationToken);
        }

        return before - await PragmaAsync(db, "freelist_count", cancellationToken);
    }

    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        if (options.IsPostgreSql)
        {
            return; // the server checkpoints its own log
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        using var writing = await gate.EnterAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }

    public async Task<StorageReport> GetStorageAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (options.IsPostgreSql)
        {
            var size = await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync(cancellationToken);
            const long PageBytes = 8192; // PostgreSQL's block
            return new StorageReport(
                options.DatabaseName, size, 0, PageBytes, size / PageBytes, 0,
                await db.Runs.LongCountAsync(cancellationToken), await db.Events.LongCountAsync(cancellationToken));
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var path = options.DatabasePath;
        var log = new FileInfo(path + "-wal");
        return new StorageReport(
            path,
            new FileInfo(path).Length,
            log.Exists ? log.Length : 0,
            await PragmaAsync(db, "page_size", cancellationToken),
            await PragmaAsync(db, "page_count", cancellationToken),
            await PragmaAsync(db, "freelist_count", cancellationToken),
            await db.Runs.LongCountAsync(cancellationToken),
            await db.Events.LongCountAsync(cancellationToken));
    }

    /// <param name="pragma">One of this class's own pragma names, never a user's text.</param>
    private static async Task<long> PragmaAsync(FlowDbContext db, string pragma, CancellationToken cancellationToken)
    {
        var sql = "SELECT \"" + pragma + "\" AS \"Value\" FROM pragma_" + pragma + "()";
        return await db.Database.SqlQueryRaw<long>(sql).SingleAsync(cancellationToken);
    }

    private static RetentionRule ToRule(RetentionRuleEntity row) => new(row.MaxAgeDays, row.MaxRuns);
}
