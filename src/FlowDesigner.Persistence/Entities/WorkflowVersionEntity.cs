namespace FlowDesigner.Persistence.Entities;

/// <summary>A published definition; never changed once written.</summary>
public sealed class WorkflowVersionEntity
{
    public Guid Id { get; set; }

    public Guid WorkflowId { get; set; }

    public int Number { get; set; }

    public string DefinitionJson { get; set; } = "";

    public string DefinitionHash { get; set; } = "";

    /// <summary>The trigger node's type key (<c>core.webhook</c>).</summary>
    public string? TriggerType { get; set; }

    /// <summary>What the trigger listens to: <c>POST orders</c> for a webhook, the event name, the cron expression.</summary>
    public string? TriggerKey { get; set; }

    public DateTime PublishedAt { get; set; }

    public string PublishedBy { get; set; } = "";

    public string PublishedById { get; set; } = "";

    public string? Note { get; set; }
}
