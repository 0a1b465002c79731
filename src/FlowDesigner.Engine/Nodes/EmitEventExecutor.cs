using System.Text.Json;
using FlowDesigner.Engine.Triggers;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Engine.Nodes;

/// <summary>core.emit-event: publishes the event; subscribed workflows start with this run's correlation id.</summary>
internal sealed class EmitEventExecutor(EventPublisher events) : ICoreNodeExecutor
{
    public string NodeType => CoreNodeTypes.EmitEvent;

    public async Task<NodeResult> ExecuteAsync(CoreNodeContext context, CancellationToken cancellationToken)
    {
        var name = context.Step.GetText("eventName");
        var payload = context.Step.GetConfig("payload") is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } given
            ? given
            : context.Step.Input;
        var published = await events.PublishAsync(name, payload, context.Run.CorrelationId, context.Run.Id, cancellationToken);
        return NodeResult.Of(new { @event = name, eventId = published.EventId, payload, startedRuns = published.StartedRuns });
    }
}
