using FlowDesigner.Model.Runs;
using Hangfire;

namespace FlowDesigner.Engine.Runtime;

/// <summary>Hands steps to Hangfire: now, or at a time (a delay, a retry's back-off) without holding a worker.</summary>
public sealed class StepDispatcher(IBackgroundJobClient jobs, IRunStore runs, TimeProvider clock)
{
    public async Task DispatchAsync(long stepId, DateTime? at, CancellationToken cancellationToken)
    {
        var wait = at - clock.GetUtcNow().UtcDateTime;
        var jobId = wait > TimeSpan.Zero
            ? jobs.Schedule<StepJobs>(j => j.RunStepAsync(stepId, CancellationToken.None), wait.Value)
            : jobs.Enqueue<StepJobs>(j => j.RunStepAsync(stepId, CancellationToken.None));
        await runs.SetStepJobAsync(stepId, jobId, cancellationToken);
    }
}
