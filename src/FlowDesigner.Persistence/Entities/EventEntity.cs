namespace FlowDesigner.Persistence.Entities;

/// <summary>Something that happened and may start runs: a webhook call, a schedule tick, an emitted event.</summary>
public sealed class EventEntity
{
    public Guid Id { get; set; }

    /// <summary>The event name (<c>order.created</c>) or the trigger type that received it.</summary>
    public string Type { get; set; } = "";

    /// <summary>Where it came from: a webhook path, a schedule, the run that emitted it.</summary>
    public string Source { get; set; } = "";

    /// <summary>The payload, stored here once: the trigger step of the run it starts refers to it (<see cref="Columns.StoredOutput"/>).</summary>
    public string PayloadJson { get; set; } = "";

    public Guid CorrelationId { get; set; }

    /// <summary>The run whose step emitted this event, if one did.</summary>
    public Guid? CausedByRunId { get; set; }

    public string? DedupeKey { get; set; }

    public DateTime ReceivedAt { get; set; }
}
