using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Users;
using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

internal sealed class WorkflowStore(IDbContextFactory<FlowDbContext> contextFactory, TimeProvider clock) : IWorkflowStore
{
    // Written as the runs' status index filter reads, so that the count of unfinished runs uses that (partial) index.
    private static readonly RunStatus[] UnfinishedRuns = [RunStatus.Pending, RunStatus.Running, RunStatus.Waiting];

    public async Task<PagedResult<WorkflowSummary>> ListAsync(WorkflowQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var workflows = db.Workflows.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + query.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            // Lower-cased on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
            workflows = workflows.Where(w => EF.Functions.Like(w.Name.ToLower(), pattern.ToLowerInvariant(), "\\"));
        }

        var total = await workflows.CountAsync(cancellationToken);
        var sinceTime = clock.GetUtcNow().UtcDateTime.AddHours(-24);
        var since = sinceTime.Ticks / TimeSpan.TicksPerMinute;
        var page = await Sort(workflows, query)
            .Skip(query.Skip)
            .Take(query.Take)
            .Select(w => new WorkflowSummary(
                w.Id,
                w.Name,
                w.ActiveVersion == null ? null : w.ActiveVersion.Number,
                w.ActiveVersion != null && w.ActiveVersion.DefinitionHash != w.DraftHash,
                w.TriggerType,
                w.TriggerSummary,
                w.UpdatedAt,
                w.UpdatedBy,
                w.Runs.OrderByDescending(r => r.Id).Select(r => (RunStatus?)r.Status).FirstOrDefault(),
                w.Runs.OrderByDescending(r => r.Id).Select(r => (DateTime?)r.CreatedAt).FirstOrDefault(),
                db.RunRollups.Where(r => r.WorkflowId == w.Id && r.Minute >= since).Sum(r => r.Succeeded + r.Failed + r.Cancelled))
            {
                FailedLast24Hours = db.RunRollups.Where(r => r.WorkflowId == w.Id && r.Minute >= since).Sum(r => r.Failed),
                LatestVersionNumber = db.WorkflowVersions.Where(v => v.WorkflowId == w.Id).Max(v => (int?)v.Number),
                TriggerProblem = w.ActiveVersion == null
                    ? null
                    : db.TriggerCursors.Where(c => c.WorkflowId == w.Id && c.TriggerType == w.ActiveVersion.TriggerType).Select(c => c.LastError).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // The day's runs are those that ended in it (above, from the rollups) and those still going that began in it,
        // read apart by the small index of unfinished runs: asked per workflow, SQLite would take the workflow's index
        // and read all its runs.
        var going = await db.Runs.AsNoTracking()
            .Where(r => UnfinishedRuns.Contains(r.Status) && r.CreatedAt >= sinceTime)
            .GroupBy(r => r.WorkflowId)
            .Select(g => new { WorkflowId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.WorkflowId, g => g.Count, cancellationToken);
        page = [.. page.Select(w => going.TryGetValue(w.Id, out var count) ? w with { RunsLast24Hours = w.RunsLast24Hours + count } : w)];
        return new PagedResult<WorkflowSummary>(page, total);
    }

    public async Task<WorkflowRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Workflows.AsNoTracking().Include(w => w.ActiveVersion).SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        return entity is null ? null : ToRecord(entity);
    }

    public async Task<WorkflowRecord> CreateAsync(WorkflowDraft draft, Actor actor, string auditAction, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var entity = new WorkflowEntity
        {
            Id = TimeOrderedId.New(),
            Revision = Guid.NewGuid(),
            CreatedAt = now,
            CreatedBy = actor.Name,
            CreatedById = actor.Id,
        };
        Apply(entity, draft, actor, now);
        db.Workflows.Add(entity);
        AuditLog.Add(db, "workflow", entity.Id, actor, now, $"workflow.{auditAction}", $"{Capitalize(auditAction)} '{entity.Name}'");
        await db.SaveChangesAsync(cancellationToken);
        return ToRecord(entity);
    }

    public async Task<WorkflowRecord> SaveDraftAsync(
        Guid id, WorkflowDraft draft, string expectedRevision, Actor actor, string auditAction, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Workflows.Include(w => w.ActiveVersion).SingleOrDefaultAsync(w => w.Id == id, cancellationToken)
            ?? throw new WorkflowNotFoundException(id);
        if (!Guid.TryParse(expectedRevision, out var expected) || entity.Revision != expected)
        {
            throw new WorkflowConflictException(entity.Name, entity.UpdatedBy, entity.UpdatedAt);
        }

        var previousName = entity.Name;
        var now = clock.GetUtcNow().UtcDateTime;
        db.Entry(entity).Property(w => w.Revision).OriginalValue = expected;
        entity.Revision = Guid.NewGuid();
        Apply(entity, draft, actor, now);
        var summary = previousName == entity.Name ? $"Saved '{entity.Name}'" : $"Renamed '{previousName}' to '{entity.Name}'";
        AuditLog.Add(db, "workflow", entity.Id, actor, now, $"workflow.{auditAction}", summary);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the UPDATE matched no row with the expected revision.
            var current = await FindAsync(id, cancellationToken) ?? throw new WorkflowNotFoundException(id);
            throw new WorkflowConflictException(current.Name, current.UpdatedBy, current.UpdatedAt);
        }

        return ToRecord(entity);
    }

    public async Task<WorkflowDeletionImpact?> GetDeletionImpactAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Workflows.AsNoTracking()
            .Where(w => w.Id == id)
            .Select(w => new WorkflowDeletionImpact(w.Name, w.Versions.Count, w.Runs.Count, w.ActiveVersionId != null))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entity = await db.Workflows.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken)
            ?? throw new WorkflowNotFoundException(id);
        AuditLog.Add(db, "workflow", entity.Id, actor, clock.GetUtcNow().UtcDateTime, "workflow.deleted", $"Deleted '{entity.Name}'");
        await db.SaveChangesAsync(cancellationToken);
        await db.Workflows.Where(w => w.Id == id).ExecuteDeleteAsync(cancellationToken);
        await db.RunRollups.Where(r => r.WorkflowId == id).ExecuteDeleteAsync(cancellationToken);
        await db.RetentionRules.Where(r => r.WorkflowId == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static IQueryable<WorkflowEntity> Sort(IQueryable<WorkflowEntity> workflows, WorkflowQuery query) => (query.Sort, query.Descending) switch
    {
        (WorkflowSort.Name, false) => workflows.OrderBy(w => w.Name).ThenBy(w => w.Id),
        (WorkflowSort.Name, true) => workflows.OrderByDescending(w => w.Name).ThenBy(w => w.Id),
        (WorkflowSort.LastRunAt, false) => workflows.OrderBy(w => w.Runs.OrderByDescending(r => r.Id).Select(r => (DateTime?)r.CreatedAt).FirstOrDefault()).ThenBy(w => w.Id),
        (WorkflowSort.LastRunAt, true) => workflows.OrderByDescending(w => w.Runs.OrderByDescending(r => r.Id).Select(r => (DateTime?)r.CreatedAt).FirstOrDefault()).ThenBy(w => w.Id),
        (_, false) => workflows.OrderBy(w => w.UpdatedAt).ThenBy(w => w.Id),
        _ => workflows.OrderByDescending(w => w.UpdatedAt).ThenBy(w => w.Id),
    };

    private static void Apply(WorkflowEntity entity, WorkflowDraft draft, Actor actor, DateTime now)
    {
        entity.Name = draft.Definition.Name;
        entity.DraftJson = WorkflowDefinitionJson.Serialize(draft.Definition);
        entity.DraftHash = DefinitionHash.Of(entity.DraftJson);
        entity.TriggerType = draft.TriggerType;
        entity.TriggerSummary = draft.TriggerSummary;
        entity.UpdatedAt = now;
        entity.UpdatedBy = actor.Name;
        entity.UpdatedById = actor.Id;
    }

    private static WorkflowRecord ToRecord(WorkflowEntity entity)
    {
        var parsed = WorkflowDefinitionJson.Parse(entity.DraftJson);
        if (!parsed.Succeeded)
        {
            throw new InvalidDataException($"The stored draft of workflow {entity.Id} cannot be read: {parsed.Problems[0]}");
        }

        return new WorkflowRecord(
            entity.Id,
            parsed.Definition,
            entity.Revision.ToString("N"),
            entity.CreatedAt,
            entity.UpdatedAt,
            entity.UpdatedBy,
            entity.ActiveVersion?.Number,
            entity.ActiveVersion is not null && entity.ActiveVersion.DefinitionHash != entity.DraftHash)
        {
            SamplePayloadJson = entity.SamplePayloadJson,
        };
    }

    public async Task SetSamplePayloadAsync(Guid id, string payloadJson, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Workflows.Where(w => w.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.SamplePayloadJson, payloadJson), cancellationToken);
        if (updated == 0)
        {
            throw new WorkflowNotFoundException(id);
        }
    }

    private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
