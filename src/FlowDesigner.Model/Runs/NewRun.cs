namespace FlowDesigner.Model.Runs;

/// <summary>A run to start: the event that caused it and the version it is pinned to.</summary>
/// <param name="TriggerNodeId">The trigger node, recorded as the run's first, already succeeded step.</param>
/// <param name="CorrelationId">The chain the run continues (an emitted event, a sub-flow call); null when it begins one,
/// which is then named by the run's own event id.</param>
/// <param name="DedupeKey">When set, a second run of the workflow with the same key is not started.</param>
public sealed record NewRun(
    Guid WorkflowId,
    Guid VersionId,
    string TriggerNodeId,
    RunCause Cause,
    string EventType,
    string EventSource,
    string PayloadJson,
    Guid? CorrelationId,
    string? DedupeKey)
{
    /// <summary>The run whose step caused this one (an emitted event, a sub-flow call).</summary>
    public Guid? CausedByRunId { get; init; }

    /// <summary>
    /// The event the run starts on when it is stored already (an emitted event that several workflows subscribe to):
    /// the run refers to it rather than storing the payload again. Null: the run's event is written with it.
    /// </summary>
    public Guid? EventId { get; init; }

    /// <summary>The call-workflow step that waits for this run's output.</summary>
    public long? ParentStepId { get; init; }

    /// <summary>The number of the version, for the run record handed back.</summary>
    public int? VersionNumber { get; init; }

    /// <summary>The run's title, from its trigger's run title setting; null when it has none.</summary>
    public string? Title { get; init; }

    /// <summary>The engine node that starts the run and holds it for its first advance (see <see cref="IRunStore.TakeOverRunsAsync"/>).</summary>
    public Guid? Holder { get; init; }
}
