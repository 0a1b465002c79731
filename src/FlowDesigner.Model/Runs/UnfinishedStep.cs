namespace FlowDesigner.Model.Runs;

/// <summary>A step of a run in flight that may have lost its job: what recovery looks at.</summary>
public sealed record UnfinishedStep(long StepId, Guid RunId, StepStatus Status, DateTime? ScheduledAt, DateTime? StartedAt, string? JobId);
