namespace FlowDesigner.Model.Runs;

/// <summary>How a running step ended (or paused, for <see cref="StepStatus.Waiting"/>).</summary>
public sealed record StepOutcome(StepStatus Status, string? InputJson, string? OutputJson, string? Port, string? Error)
{
    public DateTime? ScheduledAt { get; init; }
}
