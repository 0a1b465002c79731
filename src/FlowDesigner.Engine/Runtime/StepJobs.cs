using FlowDesigner.Model.Runs;
using Hangfire;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// The background jobs of the engine. Arguments are ids; the database holds the state. Hangfire's own retries are
/// off: the engine retries steps itself, with its own back-off, and records every attempt.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class StepJobs(StepRunner runner, RunAdvancer advancer, IRunStore runs)
{
    [JobDisplayName("Run step {0}")]
    public Task RunStepAsync(long stepId, CancellationToken cancellationToken) => runner.RunAsync(stepId, cancellationToken);

    [JobDisplayName("Advance the run of step {0}")]
    public async Task AdvanceStepRunAsync(long stepId, CancellationToken cancellationToken)
    {
        if (await runs.FindRunOfStepAsync(stepId, cancellationToken) is { } runId)
        {
            await advancer.AdvanceAsync(runId, cancellationToken);
        }
    }
}
