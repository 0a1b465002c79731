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
    public bool IsTerminal => Status is StepStatus.Succeeded or StepStatus.Failed or StepStatus.Skipped or StepStatus.Cancelled;
}
