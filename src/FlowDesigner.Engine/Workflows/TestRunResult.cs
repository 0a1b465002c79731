using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Engine.Workflows;

/// <summary>
/// What a test run of a draft did: every step it ran, in order, and how it ended. <see cref="Stopped"/> says why it
/// did not reach the end when it did not (a delay, a retry's wait, a node that only runs published).
/// </summary>
public sealed record TestRunResult(RunStatus Status, IReadOnlyList<StepRecord> Steps, string? OutputJson, string? Error, string? Stopped)
{
    /// <summary>Problems that kept the draft from running at all.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; init; } = [];

    /// <summary>
    /// One step per node for the canvas to colour: the last attempt of each item, and of those the one that says most
    /// (a failure, then one still waiting, then a success, then a skip).
    /// </summary>
    public IReadOnlyDictionary<string, StepRecord> LatestByNode => Steps
        .GroupBy(s => s.NodeId)
        .ToDictionary(
            node => node.Key,
            node => node.GroupBy(s => s.Scope).Select(item => item.MaxBy(s => s.Attempt)!).OrderBy(Telling).First());

    private static int Telling(StepRecord step) => step.Status switch
    {
        StepStatus.Failed => 0,
        StepStatus.Waiting or StepStatus.Pending or StepStatus.Running => 1,
        StepStatus.Succeeded => 2,
        _ => 3,
    };
}
