namespace FlowDesigner.Model.Users;

/// <summary>Entries of the audit log, newest first, and whether older ones match too.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryRecord> Entries, bool HasOlder);
