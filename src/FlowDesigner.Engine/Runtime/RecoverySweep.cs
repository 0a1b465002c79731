using FlowDesigner.Engine.Triggers;
using FlowDesigner.Model.Runs;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// At start-up and then periodically, finds steps of unfinished runs whose job no longer exists (all of them after a
/// restart on in-memory job storage, a crashed worker's otherwise) and dispatches them again. Steps that finished are
/// never run again; a step that was running when its worker died runs again (at least once). Runs advanced in memory
/// by a node that is gone are taken over by <see cref="NodeHeartbeat"/>.
/// </summary>
public sealed class RecoverySweep(
    IRunStore runs,
    StepDispatcher dispatcher,
    JobStorage jobStorage,
    ScheduleRegistry schedules,
    EngineOptions options,
    TimeProvider clock,
    ILogger<RecoverySweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await schedules.RegisterAllAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.RecoveryIntervalSeconds));
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "The recovery sweep failed; it runs again in {Seconds} s", options.RecoveryIntervalSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var redispatched = 0;
        var monitoring = jobStorage.GetMonitoringApi();
        var liveServers = new Lazy<HashSet<string>>(() => monitoring.Servers().Select(s => s.Name).ToHashSet(StringComparer.Ordinal));
        foreach (var step in await runs.FindUnfinishedStepsAsync(cancellationToken))
        {
            if (IsAlive(monitoring, step.JobId, liveServers) || (step.Status == StepStatus.Waiting && step.ScheduledAt is null))
            {
                continue;
            }

            if (step.Status == StepStatus.Running && !await runs.RequeueStepAsync(step.StepId, cancellationToken))
            {
                continue;
            }

            await dispatcher.DispatchAsync(step.StepId, step.Status == StepStatus.Waiting ? step.ScheduledAt : null, cancellationToken);
            redispatched++;
        }

        if (redispatched > 0)
        {
            logger.LogInformation("Recovery dispatched {Count} steps again at {Time}", redispatched, clock.GetUtcNow());
        }

        return redispatched;
    }

    private static readonly HashSet<string?> AliveStates =
        [EnqueuedState.StateName, ScheduledState.StateName, ProcessingState.StateName, AwaitingState.StateName];

    /// <summary>
    /// Whether the step's job is still to run or running: a job being processed by a node that is gone (a shared job
    /// storage keeps it so until its invisibility ends) is not.
    /// </summary>
    private static bool IsAlive(Hangfire.Storage.IMonitoringApi monitoring, string? jobId, Lazy<HashSet<string>> liveServers)
    {
        if (jobId is null)
        {
            return false;
        }

        var state = monitoring.JobDetails(jobId)?.History.FirstOrDefault();
        if (state?.StateName == ProcessingState.StateName && state.Data.TryGetValue("ServerId", out var server) && !liveServers.Value.Contains(server))
        {
            return false;
        }

        return AliveStates.Contains(state?.StateName);
    }
}
