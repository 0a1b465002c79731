using FlowDesigner.Model.Runs;

namespace FlowDesigner.Persistence.Entities;

/// <summary>One execution of a published version, pinned to that version.</summary>
public sealed class RunEntity
{
    public Guid Id { get; set; }

    public Guid WorkflowId { get; set; }

    public Guid? VersionId { get; set; }

    public WorkflowVersionEntity? Version { get; set; }

    public Guid? EventId { get; set; }

    public EventEntity? Event { get; set; }

    public RunStatus Status { get; set; }

    public RunCause Cause { get; set; }

    public Guid CorrelationId { get; set; }

    public string? DedupeKey { get; set; }

    public string? OutputJson { get; set; }

    /// <summary>The call-workflow step of another run that waits for this run's output.</summary>
    public long? ParentStepId { get; set; }

    public string? Error { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>
    /// The engine node advancing the run (see <see cref="EngineNodeEntity"/>); only it writes the run's advances.
    /// Null while nobody holds it: then any node may take it with its next advance.
    /// </summary>
    public Guid? HolderId { get; set; }

    /// <summary>The trigger's run title for this run, as evaluated; null when it sets none.</summary>
    public string? Title { get; set; }

    /// <summary>The title lower-cased (<see cref="Model.Descriptors.RunTitle.SearchKey"/>): what a search by its beginning reads, by its index.</summary>
    public string? TitleKey { get; set; }

    /// <summary>The run this one retries or replays; null for a run an event started.</summary>
    public Guid? MendsRunId { get; set; }

    public List<StepRunEntity> Steps { get; set; } = [];
}
