namespace FlowDesigner.Persistence.Entities;

public sealed class WorkflowEntity
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The draft definition in its JSON form.</summary>
    public string DraftJson { get; set; } = "";

    /// <summary>SHA-256 of <see cref="DraftJson"/>, compared with the active version's to tell "changed since".</summary>
    public string DraftHash { get; set; } = "";

    /// <summary>The concurrency token: replaced on every save, checked by the UPDATE.</summary>
    public Guid Revision { get; set; }

    public string? TriggerType { get; set; }

    public string? TriggerSummary { get; set; }

    public Guid? ActiveVersionId { get; set; }

    public WorkflowVersionEntity? ActiveVersion { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public string CreatedById { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public string UpdatedById { get; set; } = "";

    /// <summary>The trigger payload the designer's test runs start from, pinned per workflow; not part of the draft.</summary>
    public string? SamplePayloadJson { get; set; }

    public List<WorkflowVersionEntity> Versions { get; set; } = [];

    public List<RunEntity> Runs { get; set; } = [];
}
