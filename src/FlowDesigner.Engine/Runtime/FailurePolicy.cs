using System.Text.Json;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// The one rule for a failed attempt, wherever the step ran (in a run's in-memory advance or in a job): retry while
/// the error is retryable and attempts are left (with the node's back-off, or the other system's Retry-After), then
/// take the error port when something is linked to it, else fail the run.
/// </summary>
public static class FailurePolicy
{
    public static FailureDecision Decide(WorkflowPlan plan, StepRecord step, StepFailure failure, DateTime now, Random random)
    {
        var node = plan.Nodes[step.NodeId];
        var policy = node.Retry ?? plan.Types[step.NodeId].DefaultRetry;
        if (failure.Retryable && step.Attempt < policy.MaxAttempts)
        {
            return new FailureDecision(FailureAction.Retry, failure.Error, now + RetryDelays.Next(policy, step.Attempt, failure.RetryAfter, random));
        }

        var error = failure.Error + (step.Attempt > 1 ? $" (after {step.Attempt} attempts)" : "");
        if (plan.Outgoing(node.Id).Any(e => e.Port == PortDescriptor.Error.Name))
        {
            var output = JsonSerializer.Serialize(new { error = failure.Error, attempts = step.Attempt });
            return new FailureDecision(FailureAction.ErrorPort, error, ErrorOutputJson: output);
        }

        return new FailureDecision(FailureAction.FailRun, error);
    }
}
