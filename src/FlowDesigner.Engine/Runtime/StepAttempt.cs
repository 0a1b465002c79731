using FlowDesigner.Model.Execution;

namespace FlowDesigner.Engine.Runtime;

/// <summary>How one execution of a node went: its result, or why it failed; the resolved settings either way when known.</summary>
public sealed record StepAttempt(NodeResult? Result, string? ResolvedJson, StepFailure? Failure);
