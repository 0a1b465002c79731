using System.Text.Json.Serialization;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;

namespace FlowDesigner.Engine.Workflows;

/// <summary>A run and every attempt of its steps, each named as the version the run is pinned to names its node.</summary>
public sealed record RunDetails(RunRecord Run, IReadOnlyList<StepDetail> Steps)
{
    /// <summary>The workflow's name in the version the run ran; null when that version is no longer stored.</summary>
    public string? WorkflowName { get; init; }

    /// <summary>The run whose step emitted this run's event or called it; null when none did.</summary>
    public Guid? CausedByRunId { get; init; }

    /// <summary>The runs that retried or replayed this one, oldest first.</summary>
    public IReadOnlyList<Guid> MendedBy { get; init; } = [];

    /// <summary>The version the run ran, for its graph; the API leaves it out (<c>/api/workflows/{id}/versions</c> has it).</summary>
    [JsonIgnore]
    public VersionRecord? Version { get; init; }
}
