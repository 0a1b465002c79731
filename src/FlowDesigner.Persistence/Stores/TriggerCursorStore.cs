using FlowDesigner.Model.Polling;
using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

internal sealed class TriggerCursorStore(IDbContextFactory<FlowDbContext> contextFactory, WriteGate gate) : ITriggerCursorStore
{
    public async Task<string?> FindAsync(Guid workflowId, string triggerType, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.TriggerCursors.AsNoTracking()
            .Where(c => c.WorkflowId == workflowId && c.TriggerType == triggerType)
            .Select(c => c.CursorJson)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task SaveAsync(Guid workflowId, string triggerType, string? cursorJson, string? error, DateTime at, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var cursor = await db.TriggerCursors.SingleOrDefaultAsync(c => c.WorkflowId == workflowId, cancellationToken);
        if (cursor is null)
        {
            cursor = new TriggerCursorEntity { WorkflowId = workflowId };
            db.TriggerCursors.Add(cursor);
        }

        if (cursor.TriggerType != triggerType)
        {
            cursor.TriggerType = triggerType;
            cursor.CursorJson = null;
        }

        cursor.CursorJson = cursorJson ?? cursor.CursorJson;
        cursor.LastError = error;
        cursor.LastPolledAt = at;
        await db.SaveChangesAsync(cancellationToken);
    }
}
