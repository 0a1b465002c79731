using FlowDesigner.Persistence.Entities;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Persistence.Stores;

/// <summary>Adds an audit entry to the context, to be written in the same transaction as the change it records.</summary>
internal static class AuditLog
{
    public static void Add(FlowDbContext db, string entityType, Guid entityId, Actor actor, DateTime at, string action, string summary) =>
        Add(db, entityType, entityId.ToString(), actor, at, action, summary);

    public static void Add(FlowDbContext db, string entityType, string entityId, Actor actor, DateTime at, string action, string summary) =>
        db.AuditEntries.Add(new AuditEntryEntity
        {
            At = at,
            Actor = actor.Name,
            ActorId = actor.Id,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary,
        });
}
