namespace FlowDesigner.Persistence.Entities;

/// <summary>
/// A running engine process and its heartbeat. A node whose heartbeat is older than three periods is gone: another
/// node takes over the runs it held.
/// </summary>
public sealed class EngineNodeEntity
{
    public Guid Id { get; set; }

    /// <summary>The machine and process the node runs in, for an operator reading the table.</summary>
    public string Name { get; set; } = "";

    public DateTime StartedAt { get; set; }

    public DateTime HeartbeatAt { get; set; }
}
