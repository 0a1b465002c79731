namespace FlowDesigner.Model.Events;

/// <summary>An event as the stream and its chain show it.</summary>
/// <param name="Payload">The payload, or its beginning in a list (<see cref="IEventStore.PreviewLength"/>).</param>
/// <param name="CausedByRunId">The run whose step emitted it; null for an event from outside.</param>
public sealed record EventRecord(
    Guid Id, string Type, string Source, string Payload, Guid CorrelationId, Guid? CausedByRunId, DateTime ReceivedAt)
{
    public EventSourceKind SourceKind => EventSources.KindOf(Type, Source);
}
