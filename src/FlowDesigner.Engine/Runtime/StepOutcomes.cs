using System.Text.Json;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// The one rule for an attempt, wherever the step ran (in a run's in-memory advance or in a job). A result goes on,
/// or waits for its time or for the run it called. A failure is retried while it is retryable and attempts are left
/// (with the node's back-off, or the other system's Retry-After), then takes the error port when something is linked
/// to it, else fails the run.
/// </summary>
public static class StepOutcomes
{
    /// <param name="outputJson">Turns the node's output into the text its row keeps.</param>
    public static StepVerdict Decide(
        WorkflowPlan plan, StepRecord step, StepAttempt attempt, Func<JsonElement, string> outputJson, DateTime now, Random random)
    {
        if (attempt.Result is { } result)
        {
            if (result.WaitsForRun)
            {
                return new StepVerdict(StepNext.WaitForRun, new StepOutcome(StepStatus.Waiting, attempt.ResolvedJson, null, null, null));
            }

            var output = outputJson(result.Output);
            return result.WaitUntil is { } until
                ? new StepVerdict(StepNext.WaitForTime, new StepOutcome(StepStatus.Waiting, attempt.ResolvedJson, output, result.Port, null) { ScheduledAt = until })
                : new StepVerdict(StepNext.GoOn, new StepOutcome(StepStatus.Succeeded, attempt.ResolvedJson, output, result.Port, null));
        }

        var failure = attempt.Failure!;
        var node = plan.Nodes[step.NodeId];
        var policy = node.Retry ?? plan.Types[step.NodeId].DefaultRetry;
        if (failure.Retryable && step.Attempt < policy.MaxAttempts)
        {
            var retryAt = now + RetryDelays.Next(policy, step.Attempt, failure.RetryAfter, random);
            return new StepVerdict(StepNext.Retry, Failed(attempt, failure.Error), retryAt);
        }

        var error = failure.Error + (step.Attempt > 1 ? $" (after {step.Attempt} attempts)" : "");
        if (plan.Outgoing(node.Id).Any(e => e.Port == PortDescriptor.Error.Name))
        {
            var errorOutput = JsonSerializer.Serialize(new { error = failure.Error, attempts = step.Attempt });
            return new StepVerdict(StepNext.ErrorPort, Failed(attempt, error) with { OutputJson = errorOutput, Port = PortDescriptor.Error.Name });
        }

        return new StepVerdict(StepNext.FailRun, Failed(attempt, error));
    }

    private static StepOutcome Failed(StepAttempt attempt, string error) => new(StepStatus.Failed, attempt.ResolvedJson, null, null, error);
}
