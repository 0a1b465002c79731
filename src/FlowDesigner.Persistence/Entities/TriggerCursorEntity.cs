namespace FlowDesigner.Persistence.Entities;

/// <summary>Where a workflow's polling trigger stopped reading, and how its last poll went.</summary>
public sealed class TriggerCursorEntity
{
    public Guid WorkflowId { get; set; }

    /// <summary>The trigger's node type; a cursor of another type is not read.</summary>
    public string TriggerType { get; set; } = "";

    public string? CursorJson { get; set; }

    public DateTime LastPolledAt { get; set; }

    public string? LastError { get; set; }
}
