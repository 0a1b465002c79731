namespace FlowDesigner.Persistence.Entities;

/// <summary>Who changed what, and when; written in the same transaction as the change.</summary>
public sealed class AuditEntryEntity
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The acting user's name as it was when they acted.</summary>
    public string Actor { get; set; } = "";

    /// <summary>The acting user's id, which stays theirs whatever their name becomes.</summary>
    public string ActorId { get; set; } = "";

    /// <summary><c>workflow.created</c>, <c>workflow.deleted</c>, <c>credential.updated</c> ...</summary>
    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public string Summary { get; set; } = "";
}
