namespace FlowDesigner.Model.Runs;

/// <summary>Which runs a list shows; every part is optional, and the parts given must all hold.</summary>
public sealed record RunFilter
{
    public Guid? WorkflowId { get; init; }

    /// <summary>Any of these statuses; empty for all.</summary>
    public IReadOnlyList<RunStatus> Statuses { get; init; } = [];

    /// <summary>Any of these causes; empty for all.</summary>
    public IReadOnlyList<RunCause> Causes { get; init; } = [];

    /// <summary>Runs created at or after this time (UTC).</summary>
    public DateTime? From { get; init; }

    /// <summary>Runs created before this time (UTC).</summary>
    public DateTime? To { get; init; }

    /// <summary>Runs whose title begins with this, whatever the case of either.</summary>
    public string? TitlePrefix { get; init; }

    /// <summary>A run's id, or a correlation id: the runs of that chain.</summary>
    public Guid? Id { get; init; }
}
