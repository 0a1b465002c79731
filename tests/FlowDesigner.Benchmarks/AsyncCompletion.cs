namespace FlowDesigner.Benchmarks;

/// <summary>How the runs accepted in async mode completed.</summary>
/// <param name="PerSecond">Runs accepted in the window, over the time from the window's start until every run had completed.</param>
/// <param name="Backlog">Runs not finished when the clients stopped.</param>
/// <param name="DrainSeconds">How long those took to finish after the clients stopped.</param>
public sealed record AsyncCompletion(double PerSecond, int Backlog, double DrainSeconds)
{
    /// <summary>The rate the backlog completed at once nothing else arrived; null when it took under a second.</summary>
    public double? DrainPerSecond => DrainSeconds >= 1 ? Backlog / DrainSeconds : null;
}
