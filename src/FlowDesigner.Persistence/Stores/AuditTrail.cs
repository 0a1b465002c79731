using FlowDesigner.Model.Users;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

internal sealed class AuditTrail(IDbContextFactory<FlowDbContext> contextFactory, TimeProvider clock) : IAuditTrail
{
    public async Task WriteAsync(string entityType, string entityId, Actor actor, string action, string summary, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        AuditLog.Add(db, entityType, entityId, actor, clock.GetUtcNow().UtcDateTime, action, summary);
        await db.SaveChangesAsync(cancellationToken);
    }
}
