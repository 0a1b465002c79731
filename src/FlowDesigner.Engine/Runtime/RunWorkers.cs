using FlowDesigner.Model.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// Advances committed runs in this process without a job hop: runs started with nobody waiting (an async webhook,
/// an event, a schedule) are taken from the <see cref="RunQueue"/> by a fixed number of loops; a caller that waits
/// for its run (a webhook answering when it finishes) advances it on its own request.
/// </summary>
public sealed class RunWorkers(RunQueue queue, RunAdvancer advancer, EngineOptions options, ILogger<RunWorkers> logger)
    : BackgroundService
{
    private CancellationToken _stopping = CancellationToken.None;

    /// <summary>Advances the run on the caller's time; the run's end when this ended it, null when it goes on elsewhere or failed.</summary>
    public async Task<RunEnd?> AdvanceNowAsync(Guid runId, RunSnapshot? known)
    {
        try
        {
            // Not the caller's token: a client that hangs up does not stop the run.
            return await advancer.AdvanceAsync(runId, _stopping, known: known);
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            logger.LogError(exception, "Advancing run {RunId} failed; recovery takes it over", runId);
            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.RunConcurrency)).Select(_ => ConsumeAsync(stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // The runs still queued are let go with the node (see NodeHeartbeat), so the next start takes them at once.
        if (queue.TakeAll() is { Count: > 0 } left)
        {
            logger.LogInformation("{Count} queued runs were let go at shutdown; they resume on the next start", left.Count);
        }
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await foreach (var (runId, known) in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await advancer.AdvanceAsync(runId, stoppingToken, known: known);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Advancing run {RunId} failed; recovery takes it over", runId);
            }
        }
    }
}
