using FlowDesigner.Model.Runs;

namespace FlowDesigner.Persistence.Entities;

/// <summary>One attempt of one node (for one for-each item) in a run.</summary>
public sealed class StepRunEntity
{
    public long Id { get; set; }

    public Guid RunId { get; set; }

    public string NodeId { get; set; } = "";

    /// <summary>The for-each item path this attempt belongs to (<c>"2"</c>, <c>"2.0"</c>); empty outside loops.</summary>
    public string Scope { get; set; } = "";

    /// <summary>The background job that runs this attempt, for recovery to tell whether it still exists.</summary>
    public string? JobId { get; set; }

    public int Attempt { get; set; }

    public StepStatus Status { get; set; }

    /// <summary>The node's resolved configuration, with secrets redacted.</summary>
    public string? InputJson { get; set; }

    public string? OutputJson { get; set; }

    /// <summary>The output port taken (<c>out</c>, <c>true</c>, <c>error</c> ...).</summary>
    public string? Port { get; set; }

    public string? Error { get; set; }

    public DateTime? ScheduledAt { get; set; }

    /// <summary>Ticks (see <see cref="Columns.StepTimes"/>).</summary>
    public long? StartedAt { get; set; }

    /// <summary>Ticks after <see cref="StartedAt"/>, or ticks when the attempt never started (see <see cref="Columns.StepTimes"/>).</summary>
    public long? FinishedAt { get; set; }
}
