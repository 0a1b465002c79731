namespace FlowDesigner.Model.Users;

/// <summary>Reads the audit log. Nothing in the product edits or deletes an entry: the log has no such operation.</summary>
public interface IAuditLogReader
{
    /// <summary>A page of entries, keyed on their ids, so that a deep page costs what the first does.</summary>
    Task<AuditPage> ListAsync(AuditQuery query, CancellationToken cancellationToken);
}
