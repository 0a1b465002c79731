namespace FlowDesigner.Model.Users;

/// <summary>One audit entry as the audit log shows it: who (id, and name as it was), what, on what, and when.</summary>
public sealed record AuditEntryRecord(long Id, DateTime At, string ActorId, string ActorName, string Action, string EntityType, string EntityId, string Summary);
