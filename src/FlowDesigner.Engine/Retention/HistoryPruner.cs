using FlowDesigner.Model.Retention;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Engine.Retention;

/// <summary>
/// Prunes run history by the retention rules: each workflow's ended runs past its rule, a small batch at a time so
/// that no batch holds the write lock long (runs keep starting and advancing between them), then gives the freed
/// pages back to the file system and empties the write-ahead log, so that the database file shrinks.
/// </summary>
public sealed class HistoryPruner(IRetentionStore store, TimeProvider clock, ILogger<HistoryPruner> logger)
{
    /// <summary>Runs deleted in one transaction: about 20 ms of the write lock for runs of 20 steps.</summary>
    public const int BatchRuns = 200;

    /// <summary>Pages given back by one incremental vacuum (8 MB at 4 KB a page).</summary>
    public const int ReclaimPages = 2048;

    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>True while a pruning runs in this process.</summary>
    public bool IsPruning => _one.CurrentCount == 0;

    /// <returns>Null when another pruning was already running; this one did nothing.</returns>
    public async Task<PruneResult?> PruneAsync(IProgress<PruneProgress>? progress, CancellationToken cancellationToken)
    {
        if (!await _one.WaitAsync(0, cancellationToken))
        {
            return null;
        }

        try
        {
            return await PruneOnceAsync(progress, cancellationToken);
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<PruneResult> PruneOnceAsync(IProgress<PruneProgress>? progress, CancellationToken cancellationToken)
    {
        var before = await store.GetStorageAsync(cancellationToken);
        var settings = await store.GetSettingsAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        int runs = 0, steps = 0, events = 0;
        foreach (var workflowId in await store.FindWorkflowsWithRunsAsync(cancellationToken))
        {
            var rule = settings.For(workflowId);
            if (rule.MaxAgeDays is null && rule.MaxRuns is null)
            {
                continue;
            }

            while (await store.FindPrunableRunsAsync(workflowId, rule, now, BatchRuns, cancellationToken) is { Count: > 0 } ids)
            {
                var batch = await store.PruneAsync(ids, cancellationToken);
                runs += batch.Runs;
                steps += batch.Steps;
                events += batch.Events;
                progress?.Report(new PruneProgress(runs, events, 0, "Deleting runs"));
                if (batch.Runs == 0)
                {
                    break; // every run found began again meanwhile (none can, once ended; this only guards the loop)
                }
            }
        }

        long reclaimed = 0;
        for (long freed; (freed = await store.ReclaimAsync(ReclaimPages, cancellationToken)) > 0;)
        {
            reclaimed += freed;
            progress?.Report(new PruneProgress(runs, events, reclaimed, "Giving the space back"));
        }

        await store.CheckpointAsync(cancellationToken);
        var after = await store.GetStorageAsync(cancellationToken);
        if (runs > 0 || reclaimed > 0)
        {
            logger.LogInformation(
                "Retention pruned {Runs:N0} runs ({Steps:N0} steps, {Events:N0} events) and gave back {Pages:N0} pages: the database went from {Before:N0} to {After:N0} bytes",
                runs, steps, events, reclaimed, before.FileBytes + before.LogBytes, after.FileBytes + after.LogBytes);
        }

        return new PruneResult(runs, steps, events, reclaimed, before, after);
    }
}
