using FlowDesigner.Model.Runs;

namespace FlowDesigner.Model.Stores;

/// <summary>One row of the workflow list.</summary>
public sealed record WorkflowSummary(
    Guid Id,
    string Name,
    int? ActiveVersionNumber,
    bool ChangedSinceActive,
    string? TriggerType,
    string? TriggerSummary,
    DateTime UpdatedAt,
    string UpdatedBy,
    RunStatus? LastRunStatus,
    DateTime? LastRunAt,
    int RunsLast24Hours)
{
    /// <summary>What went wrong the last time the active polling trigger looked for new events; null when it went well.</summary>
    public string? TriggerProblem { get; init; }

    /// <summary>The workflow's runs that failed in the last 24 hours.</summary>
    public int FailedLast24Hours { get; init; }

    /// <summary>The newest version's number, active or not; null when the workflow was never published.</summary>
    public int? LatestVersionNumber { get; init; }

    public WorkflowState State => WorkflowStates.Of(ActiveVersionNumber, ChangedSinceActive, LatestVersionNumber);
}
