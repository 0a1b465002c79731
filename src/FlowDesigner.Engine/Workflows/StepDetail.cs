using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Workflows;

/// <summary>One attempt of a step as an operator reads it: the stored attempt with its node's name and type.</summary>
public sealed record StepDetail(
    long Id,
    Guid RunId,
    string NodeId,
    string Name,
    string Type,
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
    /// <summary>The step of the retried run whose result this one reuses; null for a step that ran in this run.</summary>
    public long? ReusedFromStepId { get; init; }

    /// <param name="node">The node in the version the run is pinned to; null when it has none by that id, which then names the step.</param>
    public static StepDetail Of(StepRecord step, NodeDefinition? node) => new(
        step.Id, step.RunId, step.NodeId, node?.Name ?? step.NodeId, node?.Type ?? "", step.Scope, step.Attempt, step.Status,
        step.InputJson, step.OutputJson, step.Port, step.Error, step.ScheduledAt, step.StartedAt, step.FinishedAt)
    {
        ReusedFromStepId = step.ReusedFromStepId,
    };
}
