using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Persistence.Stores;

internal sealed class VersionStore(IDbContextFactory<FlowDbContext> contextFactory, TimeProvider clock) : IVersionStore
{
    public async Task<VersionRecord> PublishAsync(
        Guid workflowId, WorkflowDefinition definition, string? triggerType, string? triggerKey, string? note, Actor actor,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var workflow = await db.Workflows.SingleOrDefaultAsync(w => w.Id == workflowId, cancellationToken)
            ?? throw new WorkflowNotFoundException(workflowId);
        var number = (await db.WorkflowVersions.Where(v => v.WorkflowId == workflowId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
        var json = WorkflowDefinitionJson.Serialize(definition);
        var now = clock.GetUtcNow().UtcDateTime;
        var version = new WorkflowVersionEntity
        {
            Id = TimeOrderedId.New(),
            WorkflowId = workflowId,
            Number = number,
            DefinitionJson = json,
            DefinitionHash = DefinitionHash.Of(json),
            TriggerType = triggerType,
            TriggerKey = triggerKey,
            PublishedAt = now,
            PublishedBy = actor.Name,
            PublishedById = actor.Id,
            Note = note,
        };
        db.WorkflowVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        workflow.ActiveVersionId = version.Id;
        Audit(db, workflowId, actor, now, "workflow.published", $"Published '{workflow.Name}' as v{number}" + (string.IsNullOrWhiteSpace(note) ? "" : $": {note}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToRecord(version, definition);
    }

    public async Task<bool> DeactivateAsync(Guid workflowId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var workflow = await db.Workflows.SingleOrDefaultAsync(w => w.Id == workflowId, cancellationToken)
            ?? throw new WorkflowNotFoundException(workflowId);
        if (workflow.ActiveVersionId is null)
        {
            return false;
        }

        workflow.ActiveVersionId = null;
        Audit(db, workflowId, actor, clock.GetUtcNow().UtcDateTime, "workflow.deactivated", $"Deactivated '{workflow.Name}'");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<VersionRecord?> FindAsync(Guid versionId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.WorkflowVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        return version is null ? null : ToRecord(version, Parse(version));
    }

    public async Task<IReadOnlyList<VersionRecord>> ListAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var versions = await db.WorkflowVersions.AsNoTracking().Where(v => v.WorkflowId == workflowId).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return [.. versions.Select(v => ToRecord(v, Parse(v)))];
    }

    public async Task<bool> ActivateAsync(Guid workflowId, Guid versionId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var workflow = await db.Workflows.SingleOrDefaultAsync(w => w.Id == workflowId, cancellationToken)
            ?? throw new WorkflowNotFoundException(workflowId);
        var version = await db.WorkflowVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId && v.WorkflowId == workflowId, cancellationToken)
            ?? throw new InvalidOperationException($"Version {versionId} is not a version of '{workflow.Name}'.");
        if (workflow.ActiveVersionId == versionId)
        {
            return false;
        }

        workflow.ActiveVersionId = versionId;
        Audit(db, workflowId, actor, clock.GetUtcNow().UtcDateTime, "workflow.activated", $"Made v{version.Number} of '{workflow.Name}' the active version");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<VersionRecord?> FindActiveAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.Workflows.AsNoTracking().Where(w => w.Id == workflowId).Select(w => w.ActiveVersion).SingleOrDefaultAsync(cancellationToken);
        return version is null ? null : ToRecord(version, Parse(version));
    }

    public async Task<IReadOnlyList<VersionRecord>> ListActiveAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var versions = await db.Workflows.AsNoTracking().Where(w => w.ActiveVersion != null).Select(w => w.ActiveVersion!).ToListAsync(cancellationToken);
        return [.. versions.Select(v => ToRecord(v, Parse(v)))];
    }

    public async Task<IReadOnlyList<ActiveTrigger>> FindActiveTriggersAsync(string triggerType, string? triggerKey, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var active = db.Workflows.AsNoTracking()
            .Where(w => w.ActiveVersion != null && w.ActiveVersion.TriggerType == triggerType);
        if (triggerKey is not null)
        {
            active = active.Where(w => w.ActiveVersion!.TriggerKey == triggerKey);
        }

        return await active
            .Select(w => new ActiveTrigger(w.Id, w.ActiveVersion!.Id, w.ActiveVersion.TriggerType!, w.ActiveVersion.TriggerKey))
            .ToListAsync(cancellationToken);
    }

    private static void Audit(FlowDbContext db, Guid workflowId, Actor actor, DateTime at, string action, string summary) =>
        AuditLog.Add(db, "workflow", workflowId, actor, at, action, summary);

    private static WorkflowDefinition Parse(WorkflowVersionEntity version)
    {
        var parsed = WorkflowDefinitionJson.Parse(version.DefinitionJson);
        return parsed.Succeeded
            ? parsed.Definition
            : throw new InvalidDataException($"Version {version.Number} of workflow {version.WorkflowId} cannot be read: {parsed.Problems[0]}");
    }

    private static VersionRecord ToRecord(WorkflowVersionEntity v, WorkflowDefinition definition) =>
        new(v.Id, v.WorkflowId, v.Number, definition, v.TriggerType, v.TriggerKey, v.PublishedAt, v.PublishedBy, v.Note);
}
