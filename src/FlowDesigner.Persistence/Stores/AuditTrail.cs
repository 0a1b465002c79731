using FlowDesigner.Model.Users;
using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

internal sealed class AuditTrail(IDbContextFactory<FlowDbContext> contextFactory, TimeProvider clock) : IAuditTrail
{
    public async Task WriteAsync(string entityType, string entityId, Actor actor, string action, string summary, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntryEntity
        {
            At = clock.GetUtcNow().UtcDateTime,
            Actor = actor.Name,
            ActorId = actor.Id,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
