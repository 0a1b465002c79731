namespace FlowDesigner.Model.Runs;

/// <summary>One attempt of one node in one scope (for-each item path, <c>""</c> outside loops).</summary>
public sealed record StepRecord(
    long Id,
    Guid RunId,
    string NodeId,
    string Scope,
    int Attempt,
    StepStatus Status,
    string? InputJson,
    string? OutputJson,
    string? Port,
    string? Error,
    DateTime? ScheduledAt,
    DateTime? StartedAt,
    DateTime? FinishedAt)
{
    /// <summary>
    /// The step of the mended run whose result this one reuses (a retry from the failed steps executes only those and
    /// what follows them); null for a step that ran in this run.
    /// </summary>
    public long? ReusedFromStepId { get; init; }

    public bool IsTerminal => Status is StepStatus.Succeeded or StepStatus.Failed or StepStatus.Skipped or StepStatus.Cancelled;
}
