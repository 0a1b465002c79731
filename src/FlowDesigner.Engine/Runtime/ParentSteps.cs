using FlowDesigner.Model.Runs;
using Hangfire;

namespace FlowDesigner.Engine.Runtime;

/// <summary>Finishes a call-workflow step that waits for its sub-flow, with the sub-flow's output or error.</summary>
public sealed class ParentSteps(IRunStore runs, IBackgroundJobClient jobs, TimeProvider clock)
{
    public async Task ResumeAsync(long stepId, RunStatus childStatus, string? outputJson, string? error, CancellationToken cancellationToken)
    {
        var outcome = childStatus == RunStatus.Succeeded
            ? new StepOutcome(StepStatus.Succeeded, null, outputJson, "out", null)
            : new StepOutcome(StepStatus.Failed, null, null, null, $"The called workflow {childStatus.ToString().ToLowerInvariant()}: {error}");
        if (await runs.FinishStepAsync(stepId, outcome, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            jobs.Enqueue<StepJobs>(j => j.AdvanceStepRunAsync(stepId, CancellationToken.None));
        }
    }
}
