using System.Text.Json;
using FlowDesigner.Engine.Credentials;
using FlowDesigner.Engine.Runtime;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Events;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Polling;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Engine.Triggers;

/// <summary>
/// The recurring job of a polling trigger: asks the other system what is new since the stored cursor, starts one run
/// per new thing (deduplicated, so a repeat sighting after a crash starts nothing), and only then stores the new cursor.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class PollJobs(
    IVersionStore versions,
    ITriggerCursorStore cursors,
    IEnumerable<ITriggerPoller> pollers,
    CredentialResolver credentials,
    NodeCatalog catalog,
    RunStarter starter,
    TimeProvider clock,
    ILogger<PollJobs> logger)
{
    private readonly Dictionary<string, ITriggerPoller> _pollers = pollers.ToDictionary(p => p.NodeType, StringComparer.Ordinal);

    /// <summary>Polls once; returns how many runs it started.</summary>
    [JobDisplayName("Poll the trigger of workflow {0}")]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public async Task<int> PollAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        if (await versions.FindActiveAsync(workflowId, cancellationToken) is not { TriggerType: { } triggerType } version
            || !_pollers.TryGetValue(triggerType, out var poller))
        {
            return 0;
        }

        var trigger = version.Definition.Nodes.First(n => n.Type == triggerType);
        var started = 0;
        try
        {
            var credential = await credentials.ResolveAsync(trigger.Credential, catalog.FindNodeType(triggerType)!, trigger.Name, cancellationToken);
            var stored = await cursors.FindAsync(workflowId, triggerType, cancellationToken);
            var context = new PollContext(workflowId, trigger.Name, trigger.Config, credential, stored is null ? null : JsonDocument.Parse(stored).RootElement.Clone());
            var result = await poller.PollAsync(context, cancellationToken);
            foreach (var found in result.Events)
            {
                var origin = new RunOrigin(EventSources.Poll(trigger.Name)) { EventType = found.EventType, DedupeKey = found.DedupeKey };
                var start = await starter.StartAsync(version, RunCause.Poll, found.Payload, origin, cancellationToken);
                started += start.IsDuplicate ? 0 : 1;
            }

            await cursors.SaveAsync(workflowId, triggerType, result.Cursor.GetRawText(), null, clock.GetUtcNow().UtcDateTime, cancellationToken);
            return started;
        }
        catch (StepFailedException exception)
        {
            var secrets = credentials.TryGetCached(trigger.Credential)?.SecretValues ?? [];
            var message = SecretRedactor.Redact(exception.Message, secrets);
            logger.LogWarning("Polling the trigger '{Trigger}' of workflow {WorkflowId} failed: {Error}", trigger.Name, workflowId, message);
            await cursors.SaveAsync(workflowId, triggerType, null, message, clock.GetUtcNow().UtcDateTime, cancellationToken);
            return started;
        }
    }
}
