namespace FlowDesigner.Model.Runs;

/// <summary>A run as the engine and the API see it; its event's payload is the output of its trigger step.</summary>
public sealed record RunRecord(
    Guid Id,
    Guid WorkflowId,
    Guid? VersionId,
    int? VersionNumber,
    RunStatus Status,
    RunCause Cause,
    Guid CorrelationId,
    string? OutputJson,
    string? Error,
    long? ParentStepId,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt)
{
    /// <summary>The engine node advancing the run; null while nobody holds it.</summary>
    public Guid? Holder { get; init; }

    /// <summary>What the trigger's run title setting named the run when it started; null when it names none.</summary>
    public string? Title { get; init; }

    /// <summary>The run this one retries or replays (its cause says which); null for a run an event started.</summary>
    public Guid? MendsRunId { get; init; }

    public bool IsTerminal => Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled;
}
