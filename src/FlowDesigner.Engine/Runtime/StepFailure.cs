namespace FlowDesigner.Engine.Runtime;

/// <summary>Why an attempt of a step failed, and whether trying again could help.</summary>
public sealed record StepFailure(string Error, bool Retryable, TimeSpan? RetryAfter);
