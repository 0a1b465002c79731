using System.Globalization;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Engine.Nodes;

/// <summary>core.delay: the engine parks the step and a scheduled job wakes it; no worker waits.</summary>
internal sealed class DelayExecutor(TimeProvider clock) : ICoreNodeExecutor
{
    public string NodeType => CoreNodeTypes.Delay;

    public Task<NodeResult> ExecuteAsync(CoreNodeContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime until;
        if (PropertyValues.AsText(context.Step.GetConfig("mode")) == "until")
        {
            var text = context.Step.GetText("until");
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
            {
                throw new StepFailedException($"'{context.Step.NodeName}': '{text}' is not a date and time; use ISO 8601 such as 2026-12-24T18:00:00Z.", retryable: false);
            }

            until = moment.UtcDateTime;
        }
        else
        {
            until = now.AddSeconds(Math.Max(0, context.Step.GetNumber("seconds", 0)));
        }

        return Task.FromResult(new NodeResult(context.Step.Input) { WaitUntil = until > now ? until : null });
    }
}
