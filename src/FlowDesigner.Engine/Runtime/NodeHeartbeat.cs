using FlowDesigner.Model.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// Keeps this engine node alive in the database, and takes over the runs of nodes that are not: every
/// <see cref="EngineOptions.HeartbeatSeconds"/> it renews the node's heartbeat, then takes the unfinished runs whose
/// holder has not beaten for three periods (a crash, or a process that hangs) and advances them here. A live node's
/// runs are never taken. At a clean stop the node lets go of its runs at once.
/// </summary>
public sealed class NodeHeartbeat(
    IRunStore runs, EngineNode node, RunQueue queue, EngineOptions options, TimeProvider clock, ILogger<NodeHeartbeat> logger)
    : BackgroundService
{
    private TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, options.HeartbeatSeconds));

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The node beats before it starts any run, so that no other node takes its runs for orphans.
        await runs.BeatAsync(node.Id, node.Name, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await runs.LeaveAsync(node.Id, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Engine node {Node} could not let go of its runs; another node takes them once its heartbeat is old", node.Id);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        do
        {
            try
            {
                await BeatAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Engine node {Node} could not beat; it tries again in {Seconds} s", node.Id, Period.TotalSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One beat: renews the heartbeat and takes over the runs of nodes gone for three periods.</summary>
    /// <returns>How many runs were taken over.</returns>
    public async Task<int> BeatAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await runs.BeatAsync(node.Id, node.Name, now, cancellationToken);
        var taken = await runs.TakeOverRunsAsync(node.Id, now - 3 * Period, cancellationToken);
        foreach (var runId in taken)
        {
            queue.Enqueue(runId);
        }

        if (taken.Count > 0)
        {
            logger.LogInformation("Engine node {Node} took over {Count} runs whose holder is gone", node.Id, taken.Count);
        }

        return taken.Count;
    }
}
