namespace FlowDesigner.Benchmarks;

/// <summary>What one measured phase did: requests that succeeded, their latencies, and failures.</summary>
public sealed record LoadResult(string System, string Mode, int Succeeded, int Errors, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs)
{
    public double PerSecond => Succeeded / Elapsed.TotalSeconds;

    /// <summary>The processor time the system under test used while it was measured, when known (the product's own process).</summary>
    public TimeSpan? ProcessorTime { get; init; }

    /// <summary>Processor milliseconds per request that succeeded, when known.</summary>
    public double? ProcessorMsPerRun => ProcessorTime is { } cpu && Succeeded > 0 ? cpu.TotalMilliseconds / Succeeded : null;

    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
