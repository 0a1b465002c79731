using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>How an attempt ended: what follows it, what its row records, and when the next attempt is due (for a retry).</summary>
public sealed record StepVerdict(StepNext Next, StepOutcome Outcome, DateTime? RetryAt = null)
{
    /// <summary>The run's end this verdict causes, when it fails the run.</summary>
    public RunEnd? RunEnd => Next == StepNext.FailRun ? new RunEnd(RunStatus.Failed, null, Outcome.Error) : null;
}
