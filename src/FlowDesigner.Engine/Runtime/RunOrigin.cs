namespace FlowDesigner.Engine.Runtime;

/// <summary>Where a run's event came from, and how it relates to other runs.</summary>
/// <param name="Source">A webhook path, a schedule, the emitting run: shown in the event stream.</param>
public sealed record RunOrigin(string Source)
{
    public string? EventType { get; init; }

    public string? DedupeKey { get; init; }

    /// <summary>Carried from the run that caused this one, so a chain of runs can be followed. Default: the chain begins here and is named by this run's event.</summary>
    public Guid? CorrelationId { get; init; }

    public Guid? CausedByRunId { get; init; }

    /// <summary>The event, when it is stored already (see <see cref="Model.Runs.NewRun.EventId"/>).</summary>
    public Guid? EventId { get; init; }

    public long? ParentStepId { get; init; }
}
