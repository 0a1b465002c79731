using System.Text.Json;
using FlowDesigner.Engine.Runtime;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Events;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using Hangfire;

namespace FlowDesigner.Engine.Triggers;

/// <summary>The recurring job of a schedule trigger: starts a run of the workflow's active version.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class ScheduleJobs(IVersionStore versions, RunStarter starter, TimeProvider clock)
{
    [JobDisplayName("Schedule of workflow {0}")]
    public async Task FireAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        if (await versions.FindActiveAsync(workflowId, cancellationToken) is not { TriggerType: CoreNodeTypes.Schedule } version)
        {
            return;
        }

        var firedAt = clock.GetUtcNow().UtcDateTime;
        var payload = JsonSerializer.SerializeToElement(new { firedAt, cron = version.TriggerKey });
        await starter.StartAsync(version, RunCause.Schedule, payload, new RunOrigin(EventSources.Schedule(version.TriggerKey)), cancellationToken);
    }
}
