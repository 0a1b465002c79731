using FlowDesigner.Model.Definitions;

namespace FlowDesigner.Engine.Runtime;

/// <summary>How long to wait before the next attempt: the other system's Retry-After, else the node's back-off with jitter.</summary>
public static class RetryDelays
{
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <param name="attempt">The attempt that just failed, from 1.</param>
    public static TimeSpan Next(RetryPolicy policy, int attempt, TimeSpan? retryAfter, Random random)
    {
        if (retryAfter is { } asked)
        {
            return asked < Longest ? asked : Longest;
        }

        var seconds = policy.Backoff == BackoffKind.Exponential
            ? policy.InitialSeconds * Math.Pow(2, attempt - 1)
            : policy.InitialSeconds;
        var jittered = seconds * (0.8 + (random.NextDouble() * 0.4));
        return TimeSpan.FromSeconds(Math.Min(jittered, Longest.TotalSeconds));
    }
}
