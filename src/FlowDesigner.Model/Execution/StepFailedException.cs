namespace FlowDesigner.Model.Execution;

/// <summary>A step failed. The message says what went wrong in the words of the system that refused.</summary>
public sealed class StepFailedException(string message, bool retryable, TimeSpan? retryAfter = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>Whether another attempt may succeed (timeouts, 429, 5xx) or is pointless (validation, 4xx).</summary>
    public bool Retryable { get; } = retryable;

    /// <summary>How long the other system asked us to wait (Retry-After), if it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
