using System.Text.Json;
using FlowDesigner.Engine.Expressions;
using FlowDesigner.Engine.Nodes;
using FlowDesigner.Engine.Runtime;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Events;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;

namespace FlowDesigner.Engine.Triggers;

/// <summary>
/// Publishes a named event: it is stored once, in the stream whether or not anything subscribes, and every active
/// workflow with an On event trigger of that name starts a run on it.
/// </summary>
public sealed class EventPublisher(
    IVersionStore versions, IEventStore events, RunStarter starter, ExpressionEvaluator expressions, EngineOptions options, TimeProvider clock)
{
    public async Task<PublishedEvent> PublishAsync(string eventName, JsonElement payload, Guid correlationId, Guid? causedByRunId, CancellationToken cancellationToken)
    {
        var source = causedByRunId is { } run ? EventSources.Run(run) : "api";
        var eventId = await events.RecordAsync(
            new NewEvent(eventName, source, payload.GetRawText(), correlationId, causedByRunId), clock.GetUtcNow().UtcDateTime, cancellationToken);
        var started = new List<Guid>();
        foreach (var trigger in await versions.FindActiveTriggersAsync(CoreNodeTypes.OnEvent, eventName, cancellationToken))
        {
            var version = (await versions.FindAsync(trigger.VersionId, cancellationToken))!;
            if (!Accepts(version, payload))
            {
                continue;
            }

            var origin = new RunOrigin(source)
            {
                EventId = eventId,
                EventType = eventName,
                CorrelationId = correlationId,
                CausedByRunId = causedByRunId,
            };
            started.Add((await starter.StartAsync(version, RunCause.Event, payload, origin, cancellationToken)).RunId);
        }

        return new PublishedEvent(eventId, started);
    }

    private bool Accepts(VersionRecord version, JsonElement payload)
    {
        var trigger = version.Definition.Nodes.First(n => n.Type == CoreNodeTypes.OnEvent);
        if (trigger.GetConfig("filter") is not { ValueKind: JsonValueKind.String } filter || string.IsNullOrWhiteSpace(filter.GetString()))
        {
            return true;
        }

        var scope = new ExpressionScope(payload, new Dictionary<string, JsonElement>(), default, options.Env);
        try
        {
            return PassThrough.IsTrue(expressions.Evaluate(filter.GetString()!, scope, trigger.Name, "filter"));
        }
        catch (ExpressionException)
        {
            return false;
        }
    }
}
