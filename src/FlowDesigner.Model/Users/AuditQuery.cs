namespace FlowDesigner.Model.Users;

/// <summary>A page of the audit log, newest first, optionally narrowed to a user, a kind and a time span.</summary>
/// <param name="BeforeId">The page after one ending at this entry; null for the newest.</param>
public sealed record AuditQuery(string? ActorId, AuditKind? Kind, DateTime? From, DateTime? To, long? BeforeId, int Take = 50);
