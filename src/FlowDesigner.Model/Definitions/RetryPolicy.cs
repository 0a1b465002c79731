namespace FlowDesigner.Model.Definitions;

/// <summary>How often a failing step is tried and how long the engine waits between attempts.</summary>
/// <param name="MaxAttempts">Attempts in all, the first included; 1 means no retry.</param>
/// <param name="InitialSeconds">The wait before the second attempt; later waits grow with <paramref name="Backoff"/>.</param>
public sealed record RetryPolicy(int MaxAttempts, BackoffKind Backoff, double InitialSeconds)
{
    public static RetryPolicy None { get; } = new(1, BackoffKind.Fixed, 0);

    public static RetryPolicy Exponential(int maxAttempts, double initialSeconds) =>
        new(maxAttempts, BackoffKind.Exponential, initialSeconds);
}
