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

    /// <summary>The last attempt of each node (outside loops), or of its first item inside one, for the canvas to colour.</summary>
    public IReadOnlyDictionary<string, StepRecord> LatestByNode => Steps
        .GroupBy(s => s.NodeId)
        .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Scope.Length).ThenBy(s => s.Scope, StringComparer.Ordinal).ThenByDescending(s => s.Attempt).First());
}
