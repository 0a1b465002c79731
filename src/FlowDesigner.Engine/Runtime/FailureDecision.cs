namespace FlowDesigner.Engine.Runtime;

/// <summary>The outcome of <see cref="FailurePolicy"/>: what to do, the error to record, and when to try again.</summary>
public sealed record FailureDecision(FailureAction Action, string Error, DateTime? RetryAt = null, string? ErrorOutputJson = null);
