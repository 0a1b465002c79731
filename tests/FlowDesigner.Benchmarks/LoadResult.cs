namespace FlowDesigner.Benchmarks;

/// <summary>What one measured phase did: requests that succeeded, their latencies, and failures.</summary>
public sealed record LoadResult(string System, string Mode, int Succeeded, int Errors, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs)
{
    public double PerSecond => Succeeded / Elapsed.TotalSeconds;

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
