using System.Threading.Channels;
using FlowDesigner.Model.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// Advances committed runs in this process without a job hop: runs started with nobody waiting (an async webhook,
/// an event, a schedule) are queued and advanced by a fixed number of loops; a caller that waits for its run (a
/// webhook answering when it finishes) advances it on its own request. The queue itself is not durable and need
/// not be: the runs are in the database with a lease, and recovery takes over those whose holder went away.
/// </summary>
public sealed class RunQueue(IServiceProvider services, IRunStore runs, EngineOptions options, ILogger<RunQueue> logger) : BackgroundService
{
    private readonly Channel<(Guid RunId, RunSnapshot? Known)> _queued =
        Channel.CreateUnbounded<(Guid, RunSnapshot?)>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private CancellationToken _stopping = CancellationToken.None;

    /// <summary>Beyond this many queued runs, only their ids are kept in memory; each is read back when its turn comes.</summary>
    private const int MostKeptWhole = 1000;

    /// <param name="known">The run as just written, when the caller has it (a run just started).</param>
    public void Enqueue(Guid runId, RunSnapshot? known = null) =>
        _queued.Writer.TryWrite((runId, _queued.Reader.Count < MostKeptWhole ? known : null));

    /// <summary>Advances the run on the caller's time; the run's end when this ended it, null when it goes on elsewhere or failed.</summary>
    public async Task<RunEnd?> AdvanceNowAsync(Guid runId, RunSnapshot? known)
    {
        try
        {
            // Not the caller's token: a client that hangs up does not stop the run.
            return await Advancer.AdvanceAsync(runId, _stopping, known: known);
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

        await ReleaseUnstartedAsync();
    }

    private RunAdvancer Advancer => services.GetRequiredService<RunAdvancer>();

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var advancer = Advancer;
        await foreach (var (runId, known) in _queued.Reader.ReadAllAsync(stoppingToken))
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

    /// <summary>On shutdown, the runs still queued are let go, so the next start (or another process) takes them at once.</summary>
    private async Task ReleaseUnstartedAsync()
    {
        var left = new List<Guid>();
        while (_queued.Reader.TryRead(out var queued))
        {
            left.Add(queued.RunId);
        }

        if (left.Count > 0)
        {
            await runs.ReleaseLeasesAsync(left, CancellationToken.None);
            logger.LogInformation("{Count} queued runs were let go at shutdown; they resume on the next start", left.Count);
        }
    }
}
